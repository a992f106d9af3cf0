import Link from "next/link";
import { ProgressGlanceLine } from "@/components/adherence/progress-glance";
import { listPatients } from "@/db/queries/patients";
import { requireActor } from "@/db/queries/session";
import { encodePatientCursor, patientSearchSchema } from "@/lib/schemas/patient";

export const metadata = { title: "Patients" };

export default async function PatientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { q, archived, after, before } = patientSearchSchema.parse(await searchParams);
  const actor = await requireActor();
  const showArchived = archived === "1";
  const result = listPatients({ actor, q, after, before, archived: showArchived, withProgress: !showArchived });
  const link = (cursor: Record<string, string>) =>
    `/patients?${new URLSearchParams({ ...(q ? { q } : {}), ...(showArchived ? { archived: "1" } : {}), ...cursor })}`;

  return (
    <>
      <div className="page-head">
        <h1>{showArchived ? "Archived patients" : "Patients"}</h1>
        <Link className="button primary" href="/patients/new">
          Add patient
        </Link>
      </div>
      <form className="search" role="search" action="/patients">
        <div className="field">
          <label htmlFor="q">Find a patient by name</label>
          <input id="q" name="q" type="search" defaultValue={q} />
        </div>
        {showArchived ? <input type="hidden" name="archived" value="1" /> : null}
        <button className="button" type="submit">
          Search
        </button>
        <Link href={showArchived ? "/patients" : "/patients?archived=1"}>{showArchived ? "Show current patients" : "Show archived patients"}</Link>
      </form>
      <p className="muted" aria-live="polite">
        {result.total === 0
          ? q
            ? `No patients match “${q}”.`
            : "No patients yet."
          : `${result.more ? `More than ${result.total.toLocaleString("en-US")} patients` : `${result.total} ${result.total === 1 ? "patient" : "patients"}`}${q ? ` matching “${q}”` : ""}.`}
      </p>
      {result.rows.length > 0 ? (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Date of birth</th>
              <th scope="col">Condition</th>
              <th scope="col">Phone</th>
              {showArchived ? null : <th scope="col">How they are doing</th>}
            </tr>
          </thead>
          <tbody>
            {result.rows.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/patients/${p.id}`}>{p.name}</Link>
                </td>
                <td>{p.dateOfBirth ?? ""}</td>
                <td>{p.condition}</td>
                <td>{p.phone}</td>
                {showArchived ? null : (
                  <td>{p.progress ? <ProgressGlanceLine glance={p.progress} /> : <span className="muted">No active plan</span>}</td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {result.previous || result.next ? (
        <nav className="pager" aria-label="Pages">
          {result.previous ? <Link href={link({ before: encodePatientCursor(result.previous) })}>Previous page</Link> : null}
          {result.next ? <Link href={link({ after: encodePatientCursor(result.next) })}>Next page</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

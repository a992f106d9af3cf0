import Link from "next/link";
import { listPatients } from "@/db/queries/patients";
import { getPlan } from "@/db/queries/plans";
import { requireActor } from "@/db/queries/session";
import { patientSearchSchema } from "@/lib/schemas/patient";
import { idFromParam, loadOr404 } from "../../../../_lib/ids";
import { duplicatePlanAction } from "../../actions";

export const metadata = { title: "Copy plan to another patient" };

export default async function CopyPlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const id = idFromParam((await params).id);
  const { q } = patientSearchSchema.parse(await searchParams);
  const actor = await requireActor();
  const plan = loadOr404(() => getPlan({ actor, id }));
  const matches = q ? listPatients({ actor, q, pageSize: 20 }).rows : [];
  return (
    <div className="narrow">
      <h1>Copy “{plan.title}” to another patient</h1>
      <p>The copy starts as a draft with the same items and doses. The goal and therapist notes are left blank.</p>
      <form className="search" role="search">
        <div className="field">
          <label htmlFor="q">Find the patient by name</label>
          <input id="q" name="q" type="search" defaultValue={q} />
        </div>
        <button className="button" type="submit">
          Search
        </button>
      </form>
      {q && matches.length === 0 ? <p>No current patients match “{q}”.</p> : null}
      <ul className="picker-results">
        {matches.map((p) => (
          <li key={p.id}>
            <span>
              {p.name} {p.dateOfBirth ? <span className="muted">· born {p.dateOfBirth}</span> : null}
            </span>
            <form action={duplicatePlanAction.bind(null, id, p.id) as unknown as (fd: FormData) => Promise<void>}>
              <button className="button small" type="submit">
                Copy<span className="visually-hidden"> to {p.name}</span>
              </button>
            </form>
          </li>
        ))}
      </ul>
      <p>
        <Link href={`/plans/${id}`}>Back to the plan</Link>
      </p>
    </div>
  );
}

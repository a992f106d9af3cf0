import Link from "next/link";
import { getClinicProfile } from "@/db/queries/clinic";
import { listPlanVersions } from "@/db/queries/plan-versions";
import { getPlan } from "@/db/queries/plans";
import { requireActor } from "@/db/queries/session";
import { changesInWords } from "@/lib/plan-diff";
import { idFromParam, loadOr404 } from "../../../../_lib/ids";

export const metadata = { title: "Version history" };

/** Each version the patient was given, when and by whom, what changed from the one before, and any two compared. */
export default async function PlanVersionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const id = idFromParam((await params).id);
  const query = await searchParams;
  const actor = await requireActor();
  const plan = loadOr404(() => getPlan({ actor, id }));
  const versions = listPlanVersions({ actor, planId: id });
  const { timeZone } = getClinicProfile({ actor });
  const when = (d: Date) => d.toLocaleString("en-US", { timeZone, dateStyle: "long", timeStyle: "short" });
  const pick = (value: unknown) => versions.find((v) => String(v.number) === value);
  const from = pick(query.from);
  const to = pick(query.to);
  const newestFirst = [...versions].reverse();

  return (
    <div className="narrow">
      <p className="muted">
        <Link href={`/plans/${id}`}>Back to the plan</Link>
      </p>
      <h1>Version history: {plan.title}</h1>
      {versions.length === 0 ? (
        <p>This plan has not been given to the patient yet. Making it active, printing it or sharing it gives it to them as version 1.</p>
      ) : null}
      {plan.issued?.unissuedChanges ? (
        <p className="alert">The plan has changes not yet given to the patient. Issue them from the plan page.</p>
      ) : null}

      {versions.length > 1 ? (
        <section aria-labelledby="compare-h">
          <h2 id="compare-h">Compare two versions</h2>
          <form method="get" className="actions">
            <label htmlFor="compare-from">From version</label>
            <select id="compare-from" name="from" defaultValue={String(from?.number ?? versions[versions.length - 2].number)}>
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  {v.number}
                </option>
              ))}
            </select>
            <label htmlFor="compare-to">to version</label>
            <select id="compare-to" name="to" defaultValue={String(to?.number ?? versions[versions.length - 1].number)}>
              {versions.map((v) => (
                <option key={v.number} value={v.number}>
                  {v.number}
                </option>
              ))}
            </select>
            <button type="submit" className="button">
              Compare
            </button>
          </form>
          {from && to ? (
            <div role="status">
              <h3>
                From version {from.number} to version {to.number}
              </h3>
              <ul>
                {changesInWords(from.document, to.document).map((line, i) => (
                  <li key={i}>{line}</li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ) : null}

      {newestFirst.map((v) => {
        const before = versions.find((p) => p.number === v.number - 1) ?? null;
        return (
          <section key={v.number} aria-labelledby={`v${v.number}-h`} className="version">
            <h2 id={`v${v.number}-h`}>Version {v.number}</h2>
            <p className="muted">
              Given {when(v.issuedAt)} by {v.issuedByName}.{" "}
              <Link href={`/plans/${id}/print?version=${v.number}`} target="_blank" prefetch={false}>
                Print version {v.number}
              </Link>{" "}
              · <a href={`/api/plans/${id}/export?version=${v.number}`}>Export version {v.number} (JSON)</a>
            </p>
            <h3 className="visually-hidden">What changed in version {v.number}</h3>
            <ul>
              {changesInWords(before?.document ?? null, v.document).map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

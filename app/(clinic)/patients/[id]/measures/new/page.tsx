import Link from "next/link";
import { MeasureForm } from "@/components/measures/measure-form";
import { getClinicProfile } from "@/db/queries/clinic";
import { getPatient } from "@/db/queries/patients";
import { requireActor } from "@/db/queries/session";
import { todayIn } from "@/lib/calendar-date";
import { measureIds, measures, type MeasureId } from "@/lib/measures";
import { idFromParam, loadOr404 } from "../../../../../_lib/ids";
import { recordMeasureAction } from "../actions";

export const metadata = { title: "Record a measure" };

export default async function RecordMeasurePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const id = idFromParam((await params).id);
  const chosen = (await searchParams).measure;
  const actor = await requireActor();
  const patient = loadOr404(() => getPatient({ actor, id }));
  const measure = (measureIds as readonly string[]).includes(String(chosen)) ? (chosen as MeasureId) : null;
  const today = todayIn(getClinicProfile({ actor }).timeZone);

  return (
    <div className="narrow">
      <p>
        <Link href={`/patients/${id}#measures`}>Back to {patient.name}</Link>
      </p>
      <h1>Record a measure for {patient.name}</h1>
      <nav aria-label="Measures">
        <ul className="checks">
          {measureIds.map((m) => (
            <li key={m}>
              <Link href={`/patients/${id}/measures/new?measure=${m}`} aria-current={m === measure ? "page" : undefined}>
                {measures[m].name} ({measures[m].short})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {measure ? (
        <section className="card" aria-labelledby="form-h">
          <h2 id="form-h">{measures[measure].name}</h2>
          {measures[measure].sections ? (
            <p className="muted">Enter each section&apos;s answer (0 to 5) from the clinic&apos;s licensed paper form.</p>
          ) : null}
          <MeasureForm key={measure} measure={measure} today={today} action={recordMeasureAction.bind(null, id)} />
        </section>
      ) : (
        <p>Choose the measure to record.</p>
      )}
    </div>
  );
}

import Link from "next/link";
import { listMeasureRequestsForPatient, listMeasuresForPatient } from "@/db/queries/measures";
import type { Actor } from "@/lib/authz";
import { can } from "@/lib/authz";
import { formatMeasureScore, measures } from "@/lib/measures";
import { measureSeries } from "@/lib/measures/series";
import type { ActionResult } from "@/lib/action-result";
import { MeasureChart } from "./measure-chart";
import { MeasureRequestForm } from "./measure-request-form";

type Props = {
  actor: Actor;
  patientId: number;
  archived: boolean;
  plans: { id: number; title: string; status: string }[];
  requestAction: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
};

/** The patient page's outcome measures: one chart and sentence per measure, and what the link asks the patient to fill. */
export function MeasuresSection({ actor, patientId, archived, plans, requestAction }: Props) {
  const series = measureSeries(listMeasuresForPatient({ actor, patientId }));
  const requests = listMeasureRequestsForPatient({ actor, patientId });
  const openPlans = plans.filter((p) => p.status === "draft" || p.status === "active");
  const planTitle = new Map(plans.map((p) => [p.id, p.title]));

  return (
    <section aria-labelledby="measures">
      <div className="page-head">
        <h2 id="measures">Outcome measures</h2>
        <div className="actions">
          {!archived ? (
            <Link className="button" href={`/patients/${patientId}/measures/new`}>
              Record a measure
            </Link>
          ) : null}
          <Link className="button" href={`/patients/${patientId}/progress`}>
            Progress summary
          </Link>
          <a className="button" href={`/api/patients/${patientId}/fhir`} download>
            Download FHIR record
          </a>
        </div>
      </div>
      {series.length === 0 ? <p className="muted">No measures recorded yet.</p> : null}
      {series.map((s) => {
        const latest = s.points[s.points.length - 1];
        const band = measures[s.measure].band;
        return (
          <section key={s.measure} className="card" aria-labelledby={`measure-${s.measure}`}>
            <h3 id={`measure-${s.measure}`}>{measures[s.measure].name}</h3>
            <p>
              <strong>{s.sentence ?? "One result so far."}</strong> Latest: {formatMeasureScore(s.measure, latest.score)}
              {band ? ` (${band(latest.score)})` : ""}.
            </p>
            <MeasureChart series={s} />
          </section>
        );
      })}
      <h3>Ask the patient on their link</h3>
      {requests.length ? (
        <ul>
          {requests.map((r) => (
            <li key={`${r.planId}-${r.measure}`}>
              {measures[r.measure].short} at plan weeks {r.weeks.join(", ")} ({planTitle.get(r.planId)})
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">The link asks for no measures yet.</p>
      )}
      {can(actor, "clinic:write") ? (
        <p className="muted">
          ODI and NDI can be asked on the link once the clinic&apos;s licensed wording is pasted in{" "}
          <Link href="/admin/measure-texts">measure wording</Link>.
        </p>
      ) : null}
      {openPlans.length && can(actor, "plans:write") ? (
        <MeasureRequestForm
          plans={openPlans}
          measures={Object.entries(measures).map(([value, m]) => ({
            value,
            label: m.shippedWording ? m.short : `${m.short} (needs the clinic's licensed wording)`,
          }))}
          action={requestAction}
        />
      ) : null}
    </section>
  );
}

import Link from "next/link";
import { MeasureSparkline } from "@/components/measures/measure-sparkline";
import { PrintButton } from "@/components/print-button";
import { getPlanAdherence } from "@/db/queries/adherence";
import { getClinicProfile } from "@/db/queries/clinic";
import { listMeasuresForPatient } from "@/db/queries/measures";
import { getPatient } from "@/db/queries/patients";
import { getPlan, listPlansForPatient } from "@/db/queries/plans";
import { requireActor } from "@/db/queries/session";
import { weekDoneWords } from "@/lib/adherence";
import { formatDateLong, formatDateShort } from "@/lib/calendar-date";
import { describeItemDose } from "@/lib/item-wording";
import { formatMeasureScore, measureContextLabels, measures } from "@/lib/measures";
import { measureSeries } from "@/lib/measures/series";
import { planStatusLabels } from "@/lib/plan-status";
import { idFromParam, loadOr404 } from "../../../../_lib/ids";

export const metadata = { title: "Progress summary" };

/** One page for the patient, their doctor or an insurer: the plan, how it was followed, and the measures over time. */
export default async function ProgressSummaryPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idFromParam((await params).id);
  const actor = await requireActor();
  const patient = loadOr404(() => getPatient({ actor, id }));
  const clinic = getClinicProfile({ actor });
  const plans = listPlansForPatient({ actor, patientId: id });
  // The active plan, else the latest one that was ever handed over.
  const current = plans.find((p) => p.status === "active") ?? plans.find((p) => p.status === "completed") ?? null;
  const plan = current ? getPlan({ actor, id: current.id, purpose: "print" }) : null;
  const adherence = current ? getPlanAdherence({ actor, planId: current.id }) : null;
  const series = measureSeries(listMeasuresForPatient({ actor, patientId: id }));
  const shownWeeks = adherence ? adherence.weeks.filter((w) => w.daysActive > 0 || !w.inProgress).filter((w) => w.startDate <= adherence.today) : [];

  return (
    <article className="handout progress-summary">
      <div className="screen-only">
        <PrintButton />
        <Link href={`/patients/${id}#measures`}>Back to the patient</Link>
      </div>
      <header className="clinic-bar">
        <span>{clinic.name}</span>
        <span>Call us: {clinic.phone}</span>
      </header>
      <h1>Progress summary</h1>
      <p>
        <strong>Patient:</strong> {patient.name}
        {patient.dateOfBirth ? ` · born ${formatDateLong(patient.dateOfBirth)}` : ""}
      </p>

      <section className="keep">
        <h2>Plan</h2>
        {plan ? (
          <>
            <p>
              <strong>{plan.title}</strong> ({planStatusLabels[plan.status].toLowerCase()}), from {formatDateLong(plan.startDate)} for {plan.weeks}{" "}
              {plan.weeks === 1 ? "week" : "weeks"}.{plan.goal ? ` Goal: ${plan.goal}` : ""}
            </p>
            <ul>
              {plan.items.map((it) => (
                <li key={it.id}>
                  {it.entry.name}: {describeItemDose(it.kind, it.dose)}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>No active or completed plan.</p>
        )}
      </section>

      <section className="keep">
        <h2>Adherence</h2>
        {adherence && shownWeeks.length ? (
          <table className="list">
            <thead>
              <tr>
                <th scope="col">Week</th>
                <th scope="col">Days active</th>
                <th scope="col">Items done</th>
              </tr>
            </thead>
            <tbody>
              {shownWeeks.map((w) => (
                <tr key={w.week}>
                  <td>
                    {w.week} ({formatDateShort(w.startDate)}){w.inProgress ? ", so far" : ""}
                  </td>
                  <td>{w.daysActive} of 7</td>
                  <td>
                    {w.percent === null
                      ? w.soFar && w.itemsPrescribed > 0
                        ? "Nothing due yet"
                        : "Nothing to tick"
                      : `${weekDoneWords(w)} (${w.percent} %)`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>Nothing logged yet.</p>
        )}
      </section>

      <section className="keep">
        <h2>Outcome measures</h2>
        {series.length === 0 ? <p>No measures recorded.</p> : null}
        {series.map((s) => (
          <div key={s.measure} className="keep">
            <h3>{measures[s.measure].name}</h3>
            {s.sentence ? <p>{s.sentence}</p> : null}
            <MeasureSparkline series={s} />
            <table className="list">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">When</th>
                  <th scope="col">Score</th>
                </tr>
              </thead>
              <tbody>
                {s.points.map((p) => (
                  <tr key={p.id}>
                    <td>{formatDateLong(p.takenOn)}</td>
                    <td>
                      {measureContextLabels[p.context]}
                      {p.source === "link" ? " (filled by the patient)" : ""}
                    </td>
                    <td>
                      {formatMeasureScore(s.measure, p.score)}
                      {measures[s.measure].band ? ` (${measures[s.measure].band!(p.score)})` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </section>
      <p className="muted">Printed from Stride. Scores are rounded for display; important change as published for each measure.</p>
    </article>
  );
}

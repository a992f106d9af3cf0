import Link from "next/link";
import { PrintButton } from "@/components/print-button";
import { getClinicProfile } from "@/db/queries/clinic";
import { getPlan } from "@/db/queries/plans";
import { requireActor } from "@/db/queries/session";
import { addDays, formatDateLong, formatDateShort } from "@/lib/calendar-date";
import type { ExerciseDose, VisitDose, WalkingDose } from "@/lib/dose";
import { describeExerciseDose, describeWalkingDose, describeWalkingProgression } from "@/lib/dose-wording";
import { visitTypeLabels } from "@/lib/dose";
import { isLiveLinkForPatient } from "@/db/queries/share-links";
import { UrgentSignsBox } from "@/components/urgent-signs-box";
import { urgentSignsForPlan } from "@/lib/urgent-signs";
import { shareLinkView } from "@/lib/share-link-view";
import { normalizeShareToken } from "@/lib/share-token";
import { publicBaseUrl } from "../../../../_lib/base-url";
import { expandVisits } from "@/lib/visit-schedule";
import { WALKING_MOVE_UP_RULE, walkingWeeks } from "@/lib/walking-progression";
import { patientName } from "@/lib/library";
import { idFromParam, loadOr404 } from "../../../../_lib/ids";

export const metadata = { title: "Handout" };

const DIARY_WEEKS = 2;

export default async function PrintPlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const id = idFromParam((await params).id);
  const linkParam = (await searchParams).link;
  const actor = await requireActor();
  const plan = loadOr404(() => getPlan({ actor, id, purpose: "print" }));
  const clinic = getClinicProfile({ actor });
  const homeItems = plan.items.filter((it) => it.kind === "exercise" || it.kind === "walking");
  const visits = plan.items
    .filter((it) => it.kind === "visit")
    .flatMap((it) => expandVisits(it.dose as VisitDose, plan.startDate).map((v) => ({ ...v, note: (it.dose as VisitDose).note })))
    .sort((a, b) => a.date.localeCompare(b.date));
  const diaryWeeks = Math.min(DIARY_WEEKS, plan.weeks);
  const urgentSigns = urgentSignsForPlan(plan.items);
  // A freshly made link (passed once from the share page) prints as a QR code and as text to type.
  const token = typeof linkParam === "string" ? normalizeShareToken(linkParam) : null;
  const link = token && isLiveLinkForPatient(token, plan.patientId) ? await shareLinkView(await publicBaseUrl(), token) : null;

  return (
    <article className="handout">
      <div className="screen-only">
        <PrintButton />
        <Link href={`/plans/${id}`}>Back to the plan</Link>
      </div>
      <header className="clinic-bar">
        {clinic.hasLogo ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img src="/api/clinic/logo" alt={`${clinic.name} logo`} style={{ maxHeight: "18mm", maxWidth: "60mm", objectFit: "contain" }} />
        ) : null}
        <span>{clinic.name}</span>
        <span>Call us: {clinic.phone}</span>
      </header>
      <div className="patient-block">
        <h1>{plan.title}</h1>
        <p>
          <strong>For:</strong> {plan.patientName}
        </p>
        <p>
          <strong>Starts:</strong> {formatDateLong(plan.startDate)} · <strong>Length:</strong> {plan.weeks} {plan.weeks === 1 ? "week" : "weeks"}
        </p>
        {plan.goal ? (
          <p>
            <strong>Your goal:</strong> {plan.goal}
          </p>
        ) : null}
        {plan.precautions ? (
          <p>
            <strong>Take care:</strong> {plan.precautions}
          </p>
        ) : null}
      </div>

      {link ? (
        <section className="share-box keep">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={link.qr} alt="QR code that opens your plan on a phone" width={120} height={120} />
          <div>
            <p>
              <strong>Your plan on your phone:</strong> scan this code with your phone&apos;s camera, or type this address (without the spaces):
            </p>
            <p className="typed-link">{link.typed}</p>
            <p>You can tick off what you did each day. The link is private: please do not share it.</p>
          </div>
        </section>
      ) : null}

      {plan.items.filter((it) => it.kind !== "visit").length > 0 ? <h2>Your home program</h2> : null}
      {plan.items
        .filter((it) => it.kind !== "visit")
        .map((item) => (
          <section key={item.id} className={item.entry.illustration ? "print-item" : "print-item no-picture"}>
            {item.entry.illustration ? (
              // eslint-disable-next-line @next/next/no-img-element
              <img src={`/illustrations/${item.entry.illustration}`} alt={item.entry.illustrationAlt || item.entry.name} />
            ) : null}
            <div>
              <h3>{patientName(item.entry)}</h3>
              {item.kind === "exercise" ? <p className="dose">{describeExerciseDose(item.dose as ExerciseDose)}</p> : null}
              {item.kind === "walking" ? (
                <p className="dose">
                  {describeWalkingDose(item.dose as WalkingDose)}. {describeWalkingProgression(item.dose as WalkingDose)}
                </p>
              ) : null}
              {item.kind === "walking" ? <p className="move-up-rule">{WALKING_MOVE_UP_RULE}</p> : null}
              {item.kind === "education" ? <p>{item.entry.summary}</p> : null}
              <ol>
                {item.entry.steps.map((step, i) => (
                  <li key={i}>{step}</li>
                ))}
              </ol>
              {item.entry.cautions.length > 0 ? (
                <p className="cautions">
                  <strong>Be careful:</strong> {item.entry.cautions.join(" ")}
                </p>
              ) : null}
              {"note" in item.dose && item.dose.note ? <p className="note">{item.dose.note}</p> : null}
            </div>
            {item.kind === "walking" ? <WalkingWeeks dose={item.dose as WalkingDose} weeks={plan.weeks} /> : null}
          </section>
        ))}

      {visits.length > 0 ? (
        <section className="keep">
          <h2>Your clinic visits</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Visit</th>
              </tr>
            </thead>
            <tbody>
              {visits.map((v, i) => (
                <tr key={`${v.date}-${i}`}>
                  <td>{formatDateLong(v.date)}</td>
                  <td>{visitTypeLabels[v.visitType]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {homeItems.length > 0
        ? Array.from({ length: diaryWeeks }, (_, w) => {
            const weekStart = addDays(plan.startDate, 7 * w);
            const days = Array.from({ length: 7 }, (_, d) => addDays(weekStart, d));
            return (
              <section key={w} className="keep">
                <h2>Tick-box diary, week {w + 1}</h2>
                <p>Put a tick in the box each day you do it.</p>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Exercise</th>
                      {days.map((d) => (
                        <th scope="col" key={d}>
                          {formatDateShort(d)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {homeItems.map((item) => (
                      <tr key={item.id}>
                        <th scope="row">{item.entry.name}</th>
                        {days.map((d) => (
                          <td key={d} className="box" aria-label={`${item.entry.name}, ${formatDateShort(d)}`}>
                            ☐
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            );
          })
        : null}

      <UrgentSignsBox signs={urgentSigns} clinicName={clinic.name} clinicPhone={clinic.phone} />
      {clinic.handoutFooter || clinic.address || clinic.email || clinic.website ? (
        <footer className="handout-footer">
          {clinic.handoutFooter} {clinic.address ? <span>· {clinic.address}</span> : null}
          {clinic.email ? <span> · {clinic.email}</span> : null}
          {clinic.website ? <span> · {clinic.website}</span> : null}
        </footer>
      ) : null}
      {/* Printed at the foot of every page (print.css), so a loose page still says whom to call. */}
      <p className="page-foot" aria-hidden="true">
        {clinic.name} · Call us: {clinic.phone}
      </p>
    </article>
  );
}

function WalkingWeeks({ dose, weeks }: { dose: WalkingDose; weeks: number }) {
  const rows = walkingWeeks(dose, weeks);
  if (rows.length <= 1) return null;
  // Eight weeks to a row keeps the numbers large on a narrow column of paper.
  const chunks = Array.from({ length: Math.ceil(rows.length / 8) }, (_, i) => rows.slice(i * 8, i * 8 + 8));
  return (
    <div className="keep wide">
      <p style={{ margin: "0.4rem 0 0", fontWeight: 700 }}>Minutes per walk, week by week</p>
      {chunks.map((chunk) => (
        <table key={chunk[0].week}>
          <thead>
            <tr>
              {chunk.map((r) => (
                <th scope="col" key={r.week}>
                  Week {r.week}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {chunk.map((r) => (
                <td key={r.week}>{r.minutes} min</td>
              ))}
            </tr>
          </tbody>
        </table>
      ))}
    </div>
  );
}

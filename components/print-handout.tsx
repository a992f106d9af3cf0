import type { ClinicProfile } from "@/db/queries/clinic";
import type { VersionForPrint } from "@/db/queries/plan-versions";
import { HandoutItem } from "@/components/handout-item";
import { UrgentSignsBox } from "@/components/urgent-signs-box";
import { WalkingWeeks } from "@/components/walking-weeks";
import { daysBetween, formatDateLong, formatDateShort } from "@/lib/calendar-date";
import { visitTypeLabels } from "@/lib/dose";
import { cssString, diaryWeeks, shortPatientName, type HandoutSize } from "@/lib/handout-layout";
import { progressionNote } from "@/lib/phase-progression";
import { isTickable } from "@/lib/plan-document";
import { groupByPhase, itemWeeks, phaseWeeksWords } from "@/lib/plan-phases";
import type { UrgentSigns } from "@/lib/urgent-signs";
import { urgentSignsForPlan } from "@/lib/urgent-signs";
import { expandVisits } from "@/lib/visit-schedule";
import { diaryAim, daysPerWeekOf } from "@/lib/weekly-aim";

/** What the handout shows of the clinic. */
export type HandoutClinic = Pick<ClinicProfile, "name" | "phone" | "hasLogo" | "handoutFooter" | "address" | "email" | "website">;

export type PrintHandoutProps = {
  version: VersionForPrint;
  clinic: HandoutClinic;
  size: HandoutSize;
  /** The address's own query, kept when switching size: the version asked for and the patient's link as given. */
  query: { version?: string; link?: string };
  /** A live link for this patient, shown on page 1 as a QR code and as text to type. */
  link: { qr: string; typed: string } | null;
};

/**
 * The printed handout of one issued version: a plain synchronous function of
 * its inputs (no hooks, nothing read), rendered to HTML by the print route
 * with React's static renderer and kept in its render cache.
 */
export function PrintHandout({ version, clinic, size, query, link }: PrintHandoutProps) {
  const planId = version.planId;
  const plan = { ...version.document, patientName: version.patientName };
  const homeItems = plan.items.filter(isTickable);
  const visits = plan.items
    .flatMap((it) => (it.kind === "visit" ? expandVisits(it.dose, plan.startDate) : []))
    .sort((a, b) => a.date.localeCompare(b.date));
  // Visits one row per plan week, so a 6-week plan's dozen visits take 6 short lines.
  const visitTypes = [...new Set(visits.map((v) => v.visitType))];
  const visitWeeks: { week: number; dates: typeof visits }[] = [];
  for (const v of visits) {
    const week = Math.floor(daysBetween(plan.startDate, v.date) / 7) + 1;
    const last = visitWeeks.at(-1);
    if (last && last.week === week) last.dates.push(v);
    else visitWeeks.push({ week, dates: [v] });
  }
  const diary = diaryWeeks(plan.weeks);
  const sizeHref = (to: "standard" | "large") => {
    const q = new URLSearchParams();
    if (query.version !== undefined) q.set("version", query.version);
    // Switching size keeps the patient's link (and its QR box) on the page.
    if (query.link !== undefined) q.set("link", query.link);
    if (to === "large") q.set("size", "large");
    const qs = q.toString();
    return qs ? `/plans/${planId}/print?${qs}` : `/plans/${planId}/print`;
  };
  // Chromium prints these in the page margins of every page (CSS @page margin boxes).
  const footLeft = `${shortPatientName(plan.patientName)} · page `;
  const footRight = clinic.phone ? `${clinic.name} · Call us: ${clinic.phone}` : clinic.name;
  const pageBoxes = `@media print { @page { @bottom-left { content: ${cssString(footLeft)} counter(page) " of " counter(pages); } @bottom-right { content: ${cssString(footRight)}; } } }`;
  const urgentSigns = urgentSignsForPlan(plan.items);

  const heading = (
    <>
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
          <strong>For:</strong> {plan.patientName} · <strong>Starts:</strong> {formatDateLong(plan.startDate)} · <strong>Length:</strong> {plan.weeks}{" "}
          {plan.weeks === 1 ? "week" : "weeks"}
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
    </>
  );

  return (
    <article className={size === "large" ? "handout large" : "handout"}>
      <style>{pageBoxes}</style>
      <div className="screen-only">
        {/* Enabled and wired up by the page's one inline script (printButtonScript): the page loads no other JavaScript. */}
        <button type="button" className="button primary" data-print-button disabled>
          Print this handout
        </button>
        {size === "large" ? <a href={sizeHref("standard")}>Standard print</a> : <a href={sizeHref("large")}>Large print (for easier reading)</a>}
        <a href={`/plans/${planId}`}>Back to the plan</a>
        <span>
          Version {version.number}, given {formatDateLong(version.issuedAt.toISOString().slice(0, 10))} by {version.issuedByName}
        </span>
      </div>
      {link ? (
        // With a link, the QR box sits beside the clinic and patient lines, so page 1 still holds the first two items.
        <div className="handout-top">
          <div className="handout-top-main">{heading}</div>
          <ShareBox link={link} />
        </div>
      ) : (
        heading
      )}
      <ShortUrgentBox signs={urgentSigns} />

      {groupByPhase(
        plan.phases,
        plan.items.filter((it) => it.kind !== "visit"),
      ).map(({ phase, items }) =>
        phase ? (
          <section className="phase" key={phase.id} aria-labelledby={`phase-${phase.id}`}>
            <h2 id={`phase-${phase.id}`}>
              {phaseWeeksWords(phase).replace(/^w/, "W")}: {phase.title}
            </h2>
            {items.length === 0 ? <p>Keep going with the rest of your program.</p> : null}
            {items.map((item, i) => {
              const note = progressionNote(plan, item);
              return (
                <HandoutItem key={i} item={item} medium="print">
                  {note ? <p className="progression">{note}</p> : null}
                </HandoutItem>
              );
            })}
          </section>
        ) : items.length > 0 ? (
          <section key="whole-plan">
            <h2>{plan.phases?.length ? "Your home program, every week" : "Your home program"}</h2>
            {items.map((item, i) => (
              <HandoutItem key={i} item={item} medium="print">
                {item.kind === "walking" ? <WalkingWeeks dose={item.dose} weeks={plan.weeks} /> : null}
              </HandoutItem>
            ))}
          </section>
        ) : null,
      )}

      {visits.length > 0 ? (
        <section className="keep visits">
          <h2>Your clinic visits</h2>
          {visitTypes.length === 1 ? <p>Each visit: {visitTypeLabels[visitTypes[0]]}.</p> : null}
          <table>
            <tbody>
              {visitWeeks.map(({ week, dates }) => (
                <tr key={week}>
                  <th scope="row">Week {week}</th>
                  <td>
                    {dates
                      .map((v) =>
                        visitTypes.length === 1 ? formatDateShort(v.date) : `${formatDateShort(v.date)} (${visitTypeLabels[v.visitType]})`,
                      )
                      .join(" · ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {homeItems.length > 0 ? (
        <section className="keep diary">
          <h2>Tick-box diary</h2>
          <p>Tick a box each day you do it. Aim for the number of days shown; you choose which days.</p>
          <table>
            <thead>
              <tr>
                <th scope="col">Exercise</th>
                {Array.from({ length: diary.weeks }, (_, w) => (
                  <th scope="col" key={w}>
                    Week {w + 1}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {homeItems.map((item, i) => {
                const days = daysPerWeekOf(item);
                const runs = itemWeeks(item, plan.phases, plan.weeks);
                return (
                  <tr key={i}>
                    <th scope="row">
                      {item.entry.name}
                      <span className="aim">{diaryAim(days)}</span>
                    </th>
                    {Array.from({ length: diary.weeks }, (_, w) =>
                      w + 1 >= runs.from && w + 1 <= runs.to ? (
                        <td key={w} className="boxes" aria-label={`${item.entry.name}, week ${w + 1}: ${days} boxes`}>
                          {"☐".repeat(days)}
                        </td>
                      ) : (
                        <td key={w} aria-label={`${item.entry.name}: not in week ${w + 1}`}>
                          –
                        </td>
                      ),
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {diary.keepGoing ? (
            <p>
              Keep going in the same way for weeks {diary.weeks + 1} to {plan.weeks}. We will check your progress at your visits.
            </p>
          ) : null}
        </section>
      ) : null}

      <UrgentSignsBox signs={urgentSigns} clinicName={clinic.name} clinicPhone={clinic.phone} />
      {clinic.handoutFooter || clinic.address || clinic.email || clinic.website ? (
        <footer className="handout-footer">
          {clinic.handoutFooter} {clinic.address ? <span>· {clinic.address}</span> : null}
          {clinic.email ? <span> · {clinic.email}</span> : null}
          {clinic.website ? <span> · {clinic.website}</span> : null}
        </footer>
      ) : null}
    </article>
  );
}

/** What printing shows instead when the draft cannot be given to the patient yet; the message says why. */
export function NotIssuable({ planId, message }: { planId: number; message: string }) {
  return (
    <article className="handout">
      <h1>This plan cannot be printed yet</h1>
      <p role="alert">{message}</p>
      <a href={`/plans/${planId}`}>Back to the plan</a>
    </article>
  );
}

/** Page 1's short box: the 911 tier in one paragraph; the full box with both tiers ends the handout. */
function ShortUrgentBox({ signs }: { signs: UrgentSigns }) {
  return (
    <aside className="urgent-short keep" aria-label="Emergency signs">
      <p>
        <strong>{signs.emergency.title} if you have:</strong> {signs.emergency.signs.join(" ")} <em>Other warning signs are on the last page.</em>
      </p>
    </aside>
  );
}

/** Page 1's link box: the QR code to scan and the address to type, kept short so it fits beside the patient lines. */
function ShareBox({ link }: { link: { qr: string; typed: string } }) {
  return (
    <section className="share-box keep" aria-label="Your plan on your phone">
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={link.qr} alt="QR code that opens your plan on a phone" width={98} height={98} />
      <div>
        <p>
          <strong>Your plan on your phone:</strong> scan the code with your camera, or type this without the spaces:
        </p>
        <p className="typed-link">{link.typed}</p>
        <p>Please keep it private.</p>
      </div>
    </section>
  );
}

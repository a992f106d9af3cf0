import Link from "next/link";
import { PrintButton } from "@/components/print-button";
import { getClinicProfile } from "@/db/queries/clinic";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HandoutItem } from "@/components/handout-item";
import { versionForHandout, type VersionForPrint } from "@/db/queries/plan-versions";
import { RuleError } from "@/lib/errors";
import { isTickable } from "@/lib/plan-document";
import { groupByPhase, itemWeeks, phaseWeeksWords } from "@/lib/plan-phases";
import { progressionNote } from "@/lib/phase-progression";
import { requireActor } from "@/db/queries/session";
import { daysBetween, formatDateLong, formatDateShort } from "@/lib/calendar-date";
import { cssString, diaryWeeks, handoutSize, shortPatientName } from "@/lib/handout-layout";
import { diaryAim, daysPerWeekOf } from "@/lib/weekly-aim";
import type { UrgentSigns } from "@/lib/urgent-signs";
import { visitTypeLabels } from "@/lib/dose";
import { isLiveLinkForPatient } from "@/db/queries/share-links";
import { UrgentSignsBox } from "@/components/urgent-signs-box";
import { urgentSignsForPlan } from "@/lib/urgent-signs";
import { shareLinkView } from "@/lib/share-link-view";
import { normalizeShareToken } from "@/lib/share-token";
import { publicBaseUrl } from "../../../../_lib/base-url";
import { expandVisits } from "@/lib/visit-schedule";
import { WalkingWeeks } from "@/components/walking-weeks";
import { idFromParam, loadOr404 } from "../../../../_lib/ids";

export const metadata = { title: "Handout" };

export default async function PrintPlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const id = idFromParam((await params).id);
  const query = await searchParams;
  const linkParam = query.link;
  // ?version=N reprints that version exactly; without it, printing gives the patient the draft (issuing it if it changed).
  const versionParam = typeof query.version === "string" ? query.version : undefined;
  const number = versionParam === undefined ? undefined : versionNumberSchema.safeParse(versionParam);
  if (number && !number.success) notFound();
  const actor = await requireActor();
  let version: VersionForPrint;
  try {
    version = loadOr404(() => versionForHandout({ actor, planId: id, number: number?.data, purpose: "print" }));
  } catch (error) {
    if (error instanceof RuleError) return <NotIssuable planId={id} message={error.message} />;
    throw error;
  }
  const plan = { ...version.document, patientName: version.patientName, patientId: version.patientId };
  const clinic = getClinicProfile({ actor });
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
  const size = handoutSize(query.size);
  const sizeHref = (to: "standard" | "large") => {
    const q = new URLSearchParams();
    if (versionParam !== undefined) q.set("version", versionParam);
    // Switching size keeps the patient's link (and its QR box) on the page.
    if (typeof linkParam === "string") q.set("link", linkParam);
    if (to === "large") q.set("size", "large");
    const qs = q.toString();
    return qs ? `/plans/${id}/print?${qs}` : `/plans/${id}/print`;
  };
  // Chromium prints these in the page margins of every page (CSS @page margin boxes).
  const footLeft = `${shortPatientName(plan.patientName)} · page `;
  const footRight = clinic.phone ? `${clinic.name} · Call us: ${clinic.phone}` : clinic.name;
  const pageBoxes = `@media print { @page { @bottom-left { content: ${cssString(footLeft)} counter(page) " of " counter(pages); } @bottom-right { content: ${cssString(footRight)}; } } }`;
  const urgentSigns = urgentSignsForPlan(plan.items);
  // A freshly made link (passed once from the share page) prints as a QR code and as text to type.
  const token = typeof linkParam === "string" ? normalizeShareToken(linkParam) : null;
  const link = token && isLiveLinkForPatient(token, plan.patientId) ? await shareLinkView(await publicBaseUrl(), token) : null;

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
        <PrintButton />
        {size === "large" ? (
          <Link href={sizeHref("standard")}>Standard print</Link>
        ) : (
          <Link href={sizeHref("large")}>Large print (for easier reading)</Link>
        )}
        <Link href={`/plans/${id}`}>Back to the plan</Link>
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

const versionNumberSchema = z.coerce.number().int().min(1).max(100_000);

function NotIssuable({ planId, message }: { planId: number; message: string }) {
  return (
    <article className="handout">
      <h1>This plan cannot be printed yet</h1>
      <p role="alert">{message}</p>
      <Link href={`/plans/${planId}`}>Back to the plan</Link>
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

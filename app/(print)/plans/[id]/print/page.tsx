import Link from "next/link";
import { PrintButton } from "@/components/print-button";
import { getClinicProfile } from "@/db/queries/clinic";
import { notFound } from "next/navigation";
import { z } from "zod";
import { HandoutItem } from "@/components/handout-item";
import { versionForHandout, type VersionForPrint } from "@/db/queries/plan-versions";
import { RuleError } from "@/lib/errors";
import { isTickable } from "@/lib/plan-document";
import { requireActor } from "@/db/queries/session";
import { addDays, formatDateLong, formatDateShort } from "@/lib/calendar-date";
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

const DIARY_WEEKS = 2;

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
        <span>
          Version {version.number}, given {formatDateLong(version.issuedAt.toISOString().slice(0, 10))} by {version.issuedByName}
        </span>
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
      {plan.items.map((item, i) =>
        item.kind === "visit" ? null : (
          <HandoutItem key={i} item={item} medium="print">
            {item.kind === "walking" ? <WalkingWeeks dose={item.dose} weeks={plan.weeks} /> : null}
          </HandoutItem>
        ),
      )}

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
                    {homeItems.map((item, i) => (
                      <tr key={i}>
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

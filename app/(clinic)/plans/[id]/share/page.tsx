import Link from "next/link";
import { ArchiveButton } from "@/components/archive-button";
import { ShareLinkCreator } from "@/components/share-link-creator";
import { getPlan } from "@/db/queries/plans";
import { requireActor } from "@/db/queries/session";
import { listShareLinks } from "@/db/queries/share-links";
import { getPublicClinicContact } from "@/db/queries/clinic";
import { todayIn } from "@/lib/calendar-date";
import { planEndDate, shareDaysForPlan, shareLinkDates } from "@/lib/share-days";
import { idFromParam, loadOr404 } from "../../../../_lib/ids";
import { createShareLinkAction, revokeShareLinkAction } from "./actions";

export const metadata = { title: "Share with the patient" };

export default async function SharePlanPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idFromParam((await params).id);
  const actor = await requireActor();
  const plan = loadOr404(() => getPlan({ actor, id }));
  const links = listShareLinks({ actor, patientId: plan.patientId });
  // Dates in the clinic's zone: the server's own zone can already be on tomorrow.
  const { timeZone } = getPublicClinicContact();
  const today = todayIn(timeZone);
  const planEnd = planEndDate(plan);
  // A Server Component renders once per request, so "now" is simply the request's time.
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now();
  return (
    <div className="narrow">
      <p className="muted">
        <Link href={`/plans/${id}`}>Back to the plan</Link>
      </p>
      <h1>Share with {plan.patientName}</h1>
      <p>
        A link lets the patient open their plan on a phone, with no account and no app, tick off what they did and note their pain. It always shows
        the <strong>newest issued version of their active plan</strong>, never unissued changes. Making a link here also gives the patient this
        plan&apos;s latest changes.
      </p>
      {plan.status !== "active" ? (
        <p className="alert">This plan is not active yet. Until a plan is active, the link shows a page that asks the patient to call the clinic.</p>
      ) : null}
      <ShareLinkCreator
        action={createShareLinkAction.bind(null, id, plan.patientId)}
        planId={id}
        today={today}
        planEnd={planEnd}
        defaultDays={shareDaysForPlan(today, planEnd)}
        timeZone={timeZone}
      />
      <h2>Links made for this patient</h2>
      {links.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Link</th>
              <th scope="col">Made</th>
              <th scope="col">Works until</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((l) => {
              const live = !l.revokedAt && l.expiresAt.getTime() > now;
              const dates = shareLinkDates(l, { timeZone, planEnd });
              return (
                <tr key={l.id}>
                  <td>#{l.id}</td>
                  <td>{dates.made}</td>
                  <td>{dates.worksUntil}</td>
                  <td>
                    {l.revokedAt ? "Turned off" : live ? "Working" : "Expired"}
                    {live && dates.endsBeforePlan ? (
                      <>
                        {" "}
                        <strong className="badge flagged">Ends before the plan does</strong>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {live ? (
                      <ArchiveButton
                        action={revokeShareLinkAction.bind(null, id, plan.patientId, l.id)}
                        label={`Turn off link #${l.id}`}
                        confirm="Turn off this link now? The patient will need a new one."
                      />
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

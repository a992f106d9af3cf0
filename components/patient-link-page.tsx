import { LinkMeasures } from "@/components/measures/link-measures";
import { UrgentSignsBox } from "@/components/urgent-signs-box";
import type { PublicClinicContact } from "@/db/queries/clinic";
import type { LinkMeasures as OpenMeasures } from "@/db/queries/measure-link";
import type { SharedPlan } from "@/db/queries/share-links";
import { addDays, daysBetween, formatDateLong, formatDateShort } from "@/lib/calendar-date";
import { HandoutItem } from "@/components/handout-item";
import { visitTypeLabels } from "@/lib/dose";
import { walkRepeatWords } from "@/lib/dose-wording";
import { isTickable } from "@/lib/plan-document";
import { HIGH_PAIN_SCORE, telHref, urgentSignsForPlan } from "@/lib/urgent-signs";
import { expandVisits } from "@/lib/visit-schedule";
import { walkingWeeks } from "@/lib/walking-progression";
import { WalkingWeeks } from "@/components/walking-weeks";
import { daysPerWeekOf, phoneAim, planWeek } from "@/lib/weekly-aim";
import { itemRunsInWeek } from "@/lib/plan-phases";
import { PhaseNow } from "@/components/phase-now";

/** The page's query string: one value per name, as the forms' redirects write it. */
export type LinkQuery = Record<string, string | undefined>;

/** What the route handler read for this request; the page itself reads nothing. */
export type PatientLinkPageProps = {
  token: string;
  shared: SharedPlan;
  clinic: PublicClinicContact;
  measures: OpenMeasures | null;
  query: LinkQuery;
};

/**
 * The patient's plan on their phone: plain HTML with forms that post to
 * /p/<token>/log and /measure, so it works with JavaScript off. Rendered to a
 * string by the link's route handler (no Next client runtime), from the same
 * handout components as the printed handout.
 */
export function PatientLinkPage({ token, shared, clinic, measures, query }: PatientLinkPageProps) {
  const { version, today, done, doneThisWeek, pain } = shared;
  const plan = version.document;
  const { saved, problem } = query;

  const dayIndex = daysBetween(plan.startDate, today);
  const { week } = planWeek(plan.startDate, plan.weeks, today);
  // Only this week's phase (and the whole-plan items) is on today's list; before the start, the first week's.
  const thisWeeks = plan.items.filter((it) => itemRunsInWeek(it, plan.phases, week));
  const homeItems = thisWeeks.filter(isTickable);
  const tips = thisWeeks.filter((it) => it.kind === "education");
  const visits = plan.items
    .flatMap((it) => (it.kind === "visit" ? expandVisits(it.dose, plan.startDate) : []))
    .filter((v) => v.date >= today)
    .sort((a, b) => a.date.localeCompare(b.date))
    .slice(0, 6);
  const base = `/p/${token}`;
  const urgentSigns = urgentSignsForPlan(plan.items);
  const highPain = saved === "pain" && pain !== null && pain.score >= HIGH_PAIN_SCORE;

  return (
    <main className="patient" id="main">
      <header className="clinic">
        <span>{clinic.name}</span>
        {clinic.phone ? <a href={`tel:${clinic.phone.replace(/[^0-9+]/g, "")}`}>Call {clinic.phone}</a> : null}
      </header>
      <h1>{plan.title}</h1>
      {plan.goal ? <p>Your goal: {plan.goal}</p> : null}
      {plan.precautions ? (
        <p className="take-care">
          <strong>Take care:</strong> {plan.precautions}
        </p>
      ) : null}
      <p>
        {dayIndex < 0
          ? `Your plan starts on ${formatDateLong(plan.startDate)}.`
          : dayIndex >= plan.weeks * 7
            ? `Your plan ended on ${formatDateLong(addDays(plan.startDate, plan.weeks * 7 - 1))}. Please call us about what comes next.`
            : `Today is ${formatDateLong(today)}. This is week ${week} of ${plan.weeks}.`}
      </p>
      {plan.phases?.length ? <PhaseNow plan={plan} week={week} /> : null}
      {problem ? (
        <p className="message error" role="alert">
          {problem === "score"
            ? "Please choose your pain as a whole number from 0 to 10, then save it again."
            : problem === "item"
              ? "That exercise or walk is not on this week's list, so it was not ticked. The list below shows what to do this week."
              : "That did not come through. Please try again."}
        </p>
      ) : null}
      {highPain ? (
        <section className="high-pain" role="alert" aria-labelledby="high-pain-h">
          <h2 id="high-pain-h">Your pain score is saved. Pain of {pain.score} is high.</h2>
          <p>Please check the signs below and act on them. If none of them fit, rest and call us today so we can help.</p>
          <UrgentSignsBox signs={urgentSigns} clinicName={clinic.name} clinicPhone={clinic.phone} callLink idPrefix="high-pain" />
          {clinic.phone ? (
            <p>
              <a className="button-link call-now" href={telHref(clinic.phone)}>
                Call {clinic.name} now: {clinic.phone}
              </a>
            </p>
          ) : null}
        </section>
      ) : saved ? (
        <p className="message" role="status">
          {saved === "pain"
            ? "Thank you. Your pain score is saved."
            : saved === "undo"
              ? "The tick is taken away."
              : "Well done. It is ticked off for today."}
        </p>
      ) : null}

      {plan.items.map((w, i) => {
        const row = w.kind === "walking" ? walkingWeeks(w.dose, plan.weeks)[week - 1] : undefined;
        return row ? (
          <p className="today-target" key={`target-${i}`}>
            {/* Named, so two walks in one plan are told apart. */}
            {w.entry.name}, {dayIndex < 0 ? "your first walks" : "today"}: <strong>{row.minutes} minutes</strong>
            {w.kind === "walking" ? walkRepeatWords(w.dose, row.sessionsPerDay) : ""}.
          </p>
        ) : null;
      })}

      <h2>{dayIndex < 0 ? "Your exercises" : "Today's exercises"}</h2>
      {homeItems.map((item, i) => {
        // Items issued here carry their row id; the tick form needs it.
        const itemId = item.itemId;
        const isDone = itemId !== null && done.includes(itemId);
        const weekMinutes = item.kind === "walking" ? walkingWeeks(item.dose, plan.weeks)[week - 1]?.minutes : undefined;
        const aim = phoneAim(daysPerWeekOf(item), itemId !== null ? (doneThisWeek[itemId] ?? 0) : 0);
        return (
          <HandoutItem key={itemId ?? `i${i}`} item={item} medium="phone" weekMinutes={weekMinutes} id={`item-${itemId ?? `i${i}`}`} done={isDone}>
            {aim ? <p className="aim">{aim}</p> : null}
            {item.kind === "walking" ? (
              <WalkingWeeks dose={item.dose} weeks={plan.weeks} perRow={3} currentWeek={dayIndex >= 0 ? week : undefined} />
            ) : null}
            {itemId !== null ? (
              <form method="post" action={`${base}/log`} className="tick">
                <input type="hidden" name="itemId" value={itemId} />
                {isDone ? (
                  <>
                    <span className="done-note">Done today ✓</span>
                    <button type="submit" name="kind" value="undo" className="secondary">
                      Undo<span className="visually-hidden"> {item.entry.name}</span>
                    </button>
                  </>
                ) : (
                  <button type="submit" name="kind" value="done">
                    I did {item.entry.name} today
                  </button>
                )}
              </form>
            ) : null}
          </HandoutItem>
        );
      })}

      <h2>How is your pain today?</h2>
      <form method="post" action={`${base}/log`} className="pain">
        <input type="hidden" name="kind" value="pain" />
        <fieldset>
          <legend>Pain from 0 (none) to 10 (the worst you can imagine)</legend>
          <div className="scale">
            {Array.from({ length: 11 }, (_, n) => (
              <label key={n}>
                <input type="radio" name="score" value={n} defaultChecked={pain?.score === n} required /> {n}
              </label>
            ))}
          </div>
        </fieldset>
        <p>
          <label htmlFor="comment">Anything to tell us? (optional)</label>
          <textarea id="comment" name="comment" rows={2} maxLength={300} defaultValue={pain?.comment ?? ""} />
        </p>
        <button type="submit">Save my pain score</button>
      </form>
      <LinkMeasures token={token} query={query} open={measures} />

      {visits.length ? (
        <>
          <h2>Your next visits</h2>
          <ul className="visits">
            {visits.map((v, i) => (
              <li key={`${v.date}-${i}`}>
                {formatDateShort(v.date)}: {visitTypeLabels[v.visitType]}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a className="button-link" href={`${base}/calendar`}>
          Add walks and visits to my calendar
        </a>
      </p>

      {tips.length ? (
        <>
          <h2>Good to know</h2>
          {tips.map((t, i) => (
            <HandoutItem key={t.itemId ?? `t${i}`} item={t} medium="phone" />
          ))}
        </>
      ) : null}

      <UrgentSignsBox signs={urgentSigns} clinicName={clinic.name} clinicPhone={clinic.phone} callLink />
    </main>
  );
}

import { addDays, daysBetween, formatDateMedium, todayIn, type CalendarDate } from "./calendar-date";

/**
 * How long a patient's link may work. Apart from lib/share-token so the
 * share form can use it in the browser without pulling in node:crypto (its
 * browser stand-in tries `Function(...)`, which the CSP refuses).
 */
export const SHARE_DAYS = { default: 30, max: 90, min: 1 } as const;

/** After the plan's last day, a link keeps working this long, so the patient can still look back and call. */
export const SHARE_DAYS_AFTER_PLAN = 7;

/** The plan's last day: the day before week `weeks + 1` would start. */
export function planEndDate(plan: { startDate: CalendarDate; weeks: number }): CalendarDate {
  return addDays(plan.startDate, plan.weeks * 7 - 1);
}

/** Days a new link needs to cover the plan to its end plus a week, within what a link may last. */
export function shareDaysForPlan(today: CalendarDate, planEnd: CalendarDate): number {
  const days = daysBetween(today, planEnd) + 1 + SHARE_DAYS_AFTER_PLAN;
  return Math.min(Math.max(days, SHARE_DAYS.min), SHARE_DAYS.max);
}

/**
 * True when a link made today for `days` days stops before the plan's last day is over.
 * A link stops at the time of day it was made, so it ends on day today + days.
 */
export function linkEndsBeforePlan(linkEndDay: CalendarDate, planEnd: CalendarDate): boolean {
  return linkEndDay <= planEnd;
}

/** A made link as staff see it in the clinic's zone, whatever zone the server runs in. */
export function shareLinkDates(
  link: { createdAt: Date; expiresAt: Date },
  { timeZone, planEnd }: { timeZone: string; planEnd: CalendarDate },
): { made: string; worksUntil: string; endsBeforePlan: boolean } {
  const endDay = todayIn(timeZone, link.expiresAt);
  return {
    made: formatDateMedium(todayIn(timeZone, link.createdAt)),
    worksUntil: formatDateMedium(endDay),
    endsBeforePlan: linkEndsBeforePlan(endDay, planEnd),
  };
}

import { addDays, daysBetween, type CalendarDate } from "./calendar-date";

/**
 * How often a home item is asked for, in words for the diary and the phone.
 * An item done on fewer than 7 days a week is not asked for every day: the
 * patient picks the days and aims for the number.
 */

/** The plan week (1-based, clamped to the plan) that holds `day`, and the day it starts on. */
export function planWeek(startDate: CalendarDate, weeks: number, day: CalendarDate): { week: number; start: CalendarDate; end: CalendarDate } {
  const week = Math.min(Math.max(Math.floor(daysBetween(startDate, day) / 7) + 1, 1), weeks);
  const start = addDays(startDate, 7 * (week - 1));
  return { week, start, end: addDays(start, 6) };
}

/** The diary's line under an item: "Every day" or "3 days this week". */
export function diaryAim(daysPerWeek: number): string {
  return daysPerWeek >= 7 ? "Every day" : `${daysPerWeek} ${daysPerWeek === 1 ? "day" : "days"} this week`;
}

/** The phone's line for an item that is not daily: "Aim for 3 days this week; 1 done." */
export function phoneAim(daysPerWeek: number, doneThisWeek: number): string | null {
  if (daysPerWeek >= 7) return null;
  const aim = `Aim for ${daysPerWeek} ${daysPerWeek === 1 ? "day" : "days"} this week; ${doneThisWeek} done.`;
  return doneThisWeek >= daysPerWeek ? `${aim} That is this week's goal reached: well done.` : aim;
}

/** The item's days per week: exercises and walks carry one; other items are not ticked. */
export function daysPerWeekOf(item: { kind: string; dose: unknown }): number {
  const d = item.dose as { daysPerWeek?: unknown };
  return typeof d.daysPerWeek === "number" ? d.daysPerWeek : 7;
}

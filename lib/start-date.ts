import { addDays, weekdayIndex, type CalendarDate } from "./calendar-date";

/**
 * Start dates a new plan offers. A plan is usually handed over at a visit and
 * starts the next working day (Monday to Friday), so that is the default
 * rather than today.
 */

/** The next Monday-to-Friday day after `today` (Friday, Saturday and Sunday give Monday). */
export function nextWorkingDay(today: CalendarDate): CalendarDate {
  const w = weekdayIndex(today);
  return addDays(today, w >= 4 ? 7 - w : 1);
}

/** The Monday after `today` (a Monday gives the one a week later). */
export function nextMonday(today: CalendarDate): CalendarDate {
  return addDays(today, 7 - weekdayIndex(today));
}

/** The quick choices beside the start date field. */
export function startDateChoices(today: CalendarDate): { label: string; date: CalendarDate }[] {
  return [
    { label: "Today", date: today },
    { label: "Tomorrow", date: addDays(today, 1) },
    { label: "Next Monday", date: nextMonday(today) },
  ];
}

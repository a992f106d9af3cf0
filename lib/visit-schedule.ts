import { addDays, type CalendarDate } from "./calendar-date";
import { visitPatternWeeks, type VisitDose, type VisitType } from "./dose";

export type ScheduledVisit = {
  date: CalendarDate;
  /** 1-based plan week. */
  week: number;
  visitType: VisitType;
};

/**
 * Day offsets from the start of a plan week for n visits that week. Visits are
 * spread with rest days between them where the week allows, so a plan that
 * starts on a Monday gets Mon/Wed/Fri for 3 a week and keeps the weekend free
 * up to 5 a week.
 */
const dayOffsets: Record<number, readonly number[]> = {
  1: [0],
  2: [0, 3],
  3: [0, 2, 4],
  4: [0, 1, 3, 4],
  5: [0, 1, 2, 3, 4],
  6: [0, 1, 2, 3, 4, 5],
  7: [0, 1, 2, 3, 4, 5, 6],
};

function offsetsFor(perWeek: number): readonly number[] {
  if (!Number.isFinite(perWeek) || perWeek < 1) return [];
  // More than one visit a day cannot be dated; the schema refuses it anyway.
  return dayOffsets[Math.min(7, Math.floor(perWeek))];
}

/**
 * The visit pattern as dated visits, in date order. Spans run back to back:
 * plan week k starts on startDate + 7 * (k - 1), whatever weekday that is.
 */
export function expandVisits(dose: VisitDose, startDate: CalendarDate): ScheduledVisit[] {
  const visits: ScheduledVisit[] = [];
  let weekIndex = 0; // 0-based plan week where the current span starts
  for (const span of dose.spans) {
    const spanWeeks = Number.isFinite(span.weeks) ? Math.max(0, Math.floor(span.weeks)) : 0;
    const offsets = offsetsFor(span.perWeek);
    for (let w = 0; w < spanWeeks; w++) {
      const weekStart = addDays(startDate, 7 * (weekIndex + w));
      for (const offset of offsets) {
        visits.push({ date: addDays(weekStart, offset), week: weekIndex + w + 1, visitType: dose.visitType });
      }
    }
    weekIndex += spanWeeks;
  }
  return visits;
}

/** True when the whole pattern ends within the plan (visits past the end would be lost). */
export function visitScheduleFitsPlan(dose: Pick<VisitDose, "spans">, planWeeks: number): boolean {
  return visitPatternWeeks(dose) <= planWeeks;
}

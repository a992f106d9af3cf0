import { addDays, type CalendarDate } from "@/lib/calendar-date";
import type { MeasureId } from "./schemas";

export type MeasureRequest = { measure: MeasureId; weeks: number[] };
export type DueMeasure = { measure: MeasureId; week: number };

/** How long the last requested fill stays open, in days. */
export const LAST_FILL_OPEN_DAYS = 7;

/**
 * Which measures the patient should fill on their link today. A request at
 * week w opens on the plan's start + 7w days and stays open until the next
 * requested week opens (the last one for a week), unless already filled.
 */
export function dueMeasures({
  requests,
  startDate,
  today,
  filled,
}: {
  requests: MeasureRequest[];
  startDate: CalendarDate;
  today: CalendarDate;
  filled: { measure: MeasureId; week: number }[];
}): DueMeasure[] {
  const out: DueMeasure[] = [];
  for (const r of requests) {
    const weeks = [...new Set(r.weeks)].sort((a, b) => a - b);
    const open = weeks.filter((w) => addDays(startDate, 7 * w) <= today);
    if (open.length === 0) continue;
    const week = open[open.length - 1];
    const isLast = week === weeks[weeks.length - 1];
    if (isLast && today > addDays(startDate, 7 * week + LAST_FILL_OPEN_DAYS - 1)) continue;
    if (filled.some((f) => f.measure === r.measure && f.week === week)) continue;
    out.push({ measure: r.measure, week });
  }
  return out;
}

/** "0, 3, 6" → [0, 3, 6]; null when it is not a list of whole weeks 0-52. */
export function parseWeekList(text: string): number[] | null {
  const parts = text.split(/[\s,]+/).filter(Boolean);
  if (parts.some((p) => !/^\d{1,2}$/.test(p))) return null;
  const weeks = [...new Set(parts.map(Number))].sort((a, b) => a - b);
  return weeks.every((w) => w <= 52) ? weeks : null;
}

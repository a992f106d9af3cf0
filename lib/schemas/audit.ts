import "@/lib/zod-browser";
import { z } from "zod";
import { addDays, isCalendarDate, type CalendarDate } from "@/lib/calendar-date";

// Bounded so the day after `to` and the zone arithmetic stay in ordinary years.
const calendarDay = z.string().refine((v) => isCalendarDate(v) && v >= "1900-01-01" && v <= "9998-12-31");

const auditCursor = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().catch(undefined);

/**
 * The audit log's filters, read from the URL. Anything malformed counts as
 * "not set" rather than an error page: a hand-edited link still shows the log.
 */
export const auditFilterSchema = z.object({
  patient: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().catch(undefined),
  staff: z
    .string()
    .trim()
    .max(200)
    .transform((v) => v || undefined)
    .optional()
    .catch(undefined),
  from: calendarDay.optional().catch(undefined),
  to: calendarDay.optional().catch(undefined),
  /** Keyset paging, newest first: entries older than this id (the next page) or newer than it (the previous page). */
  older: auditCursor,
  newer: auditCursor,
});
export type AuditFilters = z.infer<typeof auditFilterSchema>;

const wallClock = (timeZone: string) =>
  new Intl.DateTimeFormat("en-US", {
    timeZone,
    calendar: "gregory",
    numberingSystem: "latn",
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function offsetAt(format: Intl.DateTimeFormat, instant: number): number {
  const parts = format.formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = new Date(0);
  wall.setUTCFullYear(part("year"), part("month") - 1, part("day"));
  wall.setUTCHours(part("hour"), part("minute"), part("second"));
  return wall.getTime() - Math.floor(instant / 1000) * 1000;
}

function utcMidnight(date: CalendarDate): number {
  const [y, m, d] = date.split("-").map(Number);
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getTime();
}

const DAY_MS = 86_400_000;

/**
 * The first instant of a calendar day in a time zone. Usually local midnight;
 * where a daylight-saving jump skips midnight (e.g. America/Santiago) it is
 * the moment the clock jumps. The answer is wall-midnight minus the zone's
 * offset on one side of any nearby change, so we try the offsets a day either
 * side and keep the earliest instant that already falls on that day.
 */
export function startOfDayIn(date: CalendarDate, timeZone: string): Date {
  const format = wallClock(timeZone);
  const midnight = utcMidnight(date);
  const dayOf = (instant: number) => Math.floor((instant + offsetAt(format, instant)) / DAY_MS) * DAY_MS;
  const candidates = [-DAY_MS, 0, DAY_MS]
    .map((shift) => midnight - offsetAt(format, midnight + shift))
    .filter((instant) => dayOf(instant) === midnight);
  return new Date(candidates.length > 0 ? Math.min(...candidates) : midnight - offsetAt(format, midnight));
}

/**
 * Date bounds for listAuditEvents: from the start of `from` (inclusive) to
 * the start of the day after `to` (exclusive), both on the clinic's calendar.
 */
export function auditDateBounds({ from, to }: { from?: CalendarDate; to?: CalendarDate }, timeZone: string): { from?: Date; to?: Date } {
  return {
    from: from ? startOfDayIn(from, timeZone) : undefined,
    to: to ? startOfDayIn(addDays(to, 1), timeZone) : undefined,
  };
}

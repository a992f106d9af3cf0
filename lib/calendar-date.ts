/**
 * Calendar dates ("YYYY-MM-DD") for plan start dates, visits and diaries.
 *
 * A plan that starts on Monday must start on Monday for the therapist, the
 * patient and the server, whatever zone each of them is in. So a date is a
 * plain string, never a Date at local midnight: every calculation goes through
 * a Date at UTC midnight and reads it back with getUTC*, where no daylight-
 * saving change or server zone can move it by a day.
 */
export type CalendarDate = string;

const DAY_MS = 24 * 60 * 60 * 1000;
const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parts of a real date, or null. Year 0000 is refused: no clinic record is dated then. */
function parse(s: string): { year: number; month: number; day: number } | null {
  const m = PATTERN.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True for a well-formed, real date: "2026-02-28" yes, "2026-02-30" and "2026-2-3" no. */
export function isCalendarDate(s: string): boolean {
  return typeof s === "string" && parse(s) !== null;
}

function toUtc(date: CalendarDate): Date {
  const p = parse(date);
  if (!p) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  const d = new Date(0);
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  return d;
}

function fromUtc(d: Date): CalendarDate {
  const year = d.getUTCFullYear();
  if (year < 1 || year > 9999) throw new RangeError(`Date out of range: year ${year}`);
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

function wholeDays(n: number): number {
  if (!Number.isInteger(n)) throw new RangeError(`Expected a whole number of days, got ${n}`);
  return n;
}

/** The date n days later (n may be negative). */
export function addDays(date: CalendarDate, n: number): CalendarDate {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + wholeDays(n));
  return fromUtc(d);
}

export function addWeeks(date: CalendarDate, n: number): CalendarDate {
  return addDays(date, 7 * wholeDays(n));
}

/** 0 = Monday ... 6 = Sunday: clinic weeks start on Monday, unlike getDay(). */
export function weekdayIndex(date: CalendarDate): number {
  return (toUtc(date).getUTCDay() + 6) % 7;
}

/** Days from a to b: positive when b is later. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  // Both are UTC midnights, so the difference is an exact multiple of a day.
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / DAY_MS);
}

// Handouts are in English whatever the server's locale; formatting in UTC
// reads back exactly the date that toUtc put in.
const longFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  weekday: "long",
  month: "long",
  day: "numeric",
  year: "numeric",
});
const shortFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  weekday: "short",
  month: "short",
  day: "numeric",
});

const mediumFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: "UTC",
  month: "short",
  day: "numeric",
  year: "numeric",
});

/** "Mar 2, 2026" */
export function formatDateMedium(date: CalendarDate): string {
  return mediumFormat.format(toUtc(date));
}

/** "Monday, March 2, 2026" */
export function formatDateLong(date: CalendarDate): string {
  return longFormat.format(toUtc(date));
}

/** "Mon, Mar 2" */
export function formatDateShort(date: CalendarDate): string {
  return shortFormat.format(toUtc(date));
}

/** True when Intl knows the IANA zone name ("Europe/Berlin", "UTC"). */
export function isTimeZone(tz: string): boolean {
  if (typeof tz !== "string" || tz.trim() === "") return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * The date on the clinic's wall calendar at `now`, which can differ from the
 * server's date near midnight. Throws RangeError for an unknown zone.
 */
export function todayIn(timeZone: string, now: Date = new Date()): CalendarDate {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    calendar: "gregory",
    numberingSystem: "latn",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const part = (type: "year" | "month" | "day") => Number(parts.find((p) => p.type === type)?.value);
  const d = new Date(0);
  d.setUTCFullYear(part("year"), part("month") - 1, part("day"));
  return fromUtc(d);
}

import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { escape, ICalCalendar, ICalCalendarMethod, ICalEventRepeatingFreq, ICalEventTransparency } from "ical-generator";
import { addDays, isTimeZone, type CalendarDate } from "./calendar-date";
import { isSittingBreak, visitTypeLabels } from "./dose";
import { describeDose, durationInWords, sittingBreakInterval } from "./dose-wording";
import type { ItemOfKind, PlanDocument } from "./plan-document";
import { expandVisits } from "./visit-schedule";
import { walkingWeeks } from "./walking-progression";

/**
 * A rehab plan as an iCalendar file (RFC 5545) the patient can import: one
 * repeating event per walking week and one all-day event per visit. Exercises
 * and education stay on the handout: they have no time of day to remind of.
 */

export type CalendarClinic = { name: string; phone: string; timeZone: string };

/** Walks land at 09:00 clinic time; the plan has no time of day, and a morning slot is easy to move. */
export const WALK_START_MINUTES = 9 * 60;

/**
 * The TZID to write, or null to write UTC times. A TZID is only usable with a
 * VTIMEZONE beside it, and the VTIMEZONE package lacks some newer IANA names
 * (Europe/Kyiv), so the ICU canonical name (Europe/Kiev) gets a second try.
 */
function vtimezoneId(timeZone: string): string | null {
  if (!isTimeZone(timeZone)) return null;
  const canonical = new Intl.DateTimeFormat("en-US", { timeZone }).resolvedOptions().timeZone;
  // ical-generator drops a zone named "UTC" and writes UTC times itself.
  return [timeZone, canonical].find((id) => id !== "UTC" && getVtimezoneComponent(id) !== null) ?? null;
}

function dateParts(date: CalendarDate): [number, number, number] {
  const [y, m, d] = date.split("-").map(Number);
  return [y, m - 1, d];
}

/** Minutes the zone is ahead of UTC at the given instant. */
function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  }).formatToParts(new Date(instant));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((wall - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/**
 * The Date to hand ical-generator for `minutes` after midnight on `date` in the clinic's zone.
 * With a TZID, ical-generator writes a native Date's *local* fields (getHours...), so the
 * Date must read that wall-clock time in the server's own zone, whatever that zone is.
 * Without one it writes the UTC instant, so the zone's offset is worked out with Intl.
 */
function wallClock(date: CalendarDate, minutes: number, tzid: string | null, timeZone: string): Date {
  const [y, m, d] = dateParts(date);
  if (tzid) {
    const local = new Date(0);
    local.setFullYear(y, m, d);
    local.setHours(0, minutes, 0, 0);
    return local;
  }
  const zone = isTimeZone(timeZone) ? timeZone : "UTC";
  const naive = Date.UTC(y, m, d, 0, minutes);
  // Second pass: the offset at the first guess may be the other side of a DST change.
  const first = naive - zoneOffsetMinutes(naive, zone) * 60_000;
  return new Date(naive - zoneOffsetMinutes(first, zone) * 60_000);
}

/** UTC midnight: all-day events carry no zone, and ical-generator then reads the UTC fields. */
function utcMidnight(date: CalendarDate): Date {
  const [y, m, d] = dateParts(date);
  const t = new Date(0);
  t.setUTCFullYear(y, m, d);
  return t;
}

function callLine(clinic: CalendarClinic): string {
  const phone = clinic.phone.trim();
  return phone ? `Questions? Call ${clinic.name} at ${phone}.` : `Questions? Call ${clinic.name}.`;
}

/** The issued version to write: its plan id and number (the UIDs and SEQUENCE) and its document. */
export type CalendarPlan = { id: number; version: number; document: Pick<PlanDocument, "title" | "startDate" | "weeks" | "items"> };

type Context = {
  cal: ICalCalendar;
  plan: CalendarPlan["document"] & { id: number; version: number };
  clinic: CalendarClinic;
  tzid: string | null;
  uidDomain: string;
};

function addWalks({ cal, plan, clinic, tzid, uidDomain }: Context, itemId: number, walk: ItemOfKind<"walking">): void {
  const { dose } = walk;
  const sittingBreak = isSittingBreak(dose);
  for (const week of walkingWeeks(dose, plan.weeks)) {
    const firstDay = addDays(plan.startDate, 7 * (week.week - 1));
    const lines = [describeDose(walk, { weekMinutes: week.minutes })];
    if (!sittingBreak && week.sessionsPerDay > 1) {
      lines.push(`Take ${week.sessionsPerDay} walks each day, ${durationInWords(week.minutes * 60)} each. This reminder stands for all of them.`);
    }
    lines.push(`Week ${week.week} of ${plan.weeks}.`);
    if (dose.note.trim()) lines.push(dose.note.trim());
    lines.push(callLine(clinic));
    // Ids and week only, so importing an updated plan replaces this event instead of adding a second one.
    const id = `plan-${plan.id}-item-${itemId}-week-${week.week}@${uidDomain}`;
    const repeating = { freq: ICalEventRepeatingFreq.DAILY, count: week.daysPerWeek };
    const description = lines.join("\n");
    if (sittingBreak) {
      // Breaks come all through the sitting day, so they are a free all-day note, not a 09:00 slot on top of the main walk.
      cal.createEvent({
        id,
        sequence: plan.version,
        allDay: true,
        start: utcMidnight(firstDay),
        end: utcMidnight(addDays(firstDay, 1)),
        transparency: ICalEventTransparency.TRANSPARENT,
        repeating,
        summary: `${walk.entry.name}: ${durationInWords(week.minutes * 60)} ${sittingBreakInterval(dose.breakEveryMinutes)} (week ${week.week})`,
        description,
      });
      continue;
    }
    cal.createEvent({
      id,
      sequence: plan.version,
      start: wallClock(firstDay, WALK_START_MINUTES, tzid, clinic.timeZone),
      end: wallClock(firstDay, WALK_START_MINUTES + week.minutes, tzid, clinic.timeZone),
      timezone: tzid,
      repeating,
      // The walk's name tells two walks in one plan apart in the calendar.
      summary: `Walk ${durationInWords(week.minutes * 60)}: ${walk.entry.name} (week ${week.week})`,
      description,
    });
  }
}

function addVisits({ cal, plan, clinic, uidDomain }: Context, itemId: number, { dose }: ItemOfKind<"visit">): void {
  for (const visit of expandVisits(dose, plan.startDate)) {
    const lines = ["The clinic sets the time when you book this visit."];
    if (dose.note.trim()) lines.push(dose.note.trim());
    lines.push(callLine(clinic));
    cal.createEvent({
      id: `plan-${plan.id}-item-${itemId}-visit-${visit.date}@${uidDomain}`,
      sequence: plan.version,
      allDay: true,
      start: utcMidnight(visit.date),
      end: utcMidnight(addDays(visit.date, 1)),
      // A placeholder for a visit of an hour or so must not mark the whole day as busy.
      transparency: ICalEventTransparency.TRANSPARENT,
      summary: visitTypeLabels[visit.visitType],
      description: lines.join("\n"),
    });
  }
}

export function buildPlanCalendar({ plan, clinic, uidDomain }: { plan: CalendarPlan; clinic: CalendarClinic; uidDomain: string }): string {
  const tzid = vtimezoneId(clinic.timeZone);
  const cal = new ICalCalendar({
    // ical-generator escapes event text but writes these two raw: a line break in a
    // title would otherwise start a property of the clinic user's choosing.
    name: escape(`${plan.document.title} – ${clinic.name}`, false),
    description: escape(`Your rehab plan from ${clinic.name}. ${callLine(clinic)}`, false),
    prodId: { company: "Stride", product: "Rehab plan", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide name: with one, ical-generator also writes DTSTAMP as a zone-less
    // local time, and RFC 5545 wants it in UTC. The zone goes on each timed event
    // instead, and the generator still adds a VTIMEZONE for every zone events use.
    timezone: { name: null, generator: getVtimezoneComponent },
  });
  // UIDs are written raw too; a hostname needs nothing beyond these characters.
  const domain = uidDomain.replace(/[^A-Za-z0-9.-]/g, "") || "stride.invalid";
  const ctx: Context = { cal, plan: { ...plan.document, id: plan.id, version: plan.version }, clinic, tzid, uidDomain: domain };
  plan.document.items.forEach((item, index) => {
    // Items from an imported file have no row id until issued here; their place keeps the UID stable.
    const itemId = item.itemId ?? -(index + 1);
    if (item.kind === "walking") addWalks(ctx, itemId, item);
    else if (item.kind === "visit") addVisits(ctx, itemId, item);
  });
  // RFC 5545 ends every line with CRLF, the last one too; ical-generator leaves it off.
  return `${cal.toString()}\r\n`;
}

import ICAL from "ical.js";
import { afterEach, describe, expect, it } from "vitest";
import type { VisitDose, WalkingDose } from "@/lib/dose";
import { buildPlanCalendar, type CalendarClinic } from "@/lib/plan-calendar";
import type { PlanDocumentItem } from "@/lib/plan-document";

// The writer (ical-generator) and the reader here (Mozilla's ical.js) are independent,
// so a file that only one of them understands fails these tests.

const walkDose: WalkingDose = {
  minutes: 10,
  sessionsPerDay: 1,
  daysPerWeek: 5,
  intensity: "talk-test",
  rpe: null,
  stepMinutes: 5,
  capMinutes: 20,
  note: "",
};
const visitDose: VisitDose = {
  visitType: "chiropractic-adjustment",
  spans: [
    { perWeek: 2, weeks: 2 },
    { perWeek: 1, weeks: 2 },
  ],
  note: "",
};

const entry = <C extends "walking" | "visit" | "stretch" | "education">(id: number, category: C) => ({
  libraryEntryId: 100 + id,
  slug: null,
  name: `Entry ${id}`,
  category,
  summary: "",
  steps: [],
  cautions: [],
  illustration: null,
  illustrationAlt: "",
  oneSided: false,
  plainName: "",
  bodyRegions: [],
});

/** 4 weeks from Monday 2026-03-02; US daylight saving starts on Sunday 2026-03-08. */
function makePlan(walk: WalkingDose = walkDose) {
  const items: PlanDocumentItem[] = [
    { kind: "walking", itemId: 1, dose: walk, entry: entry(1, "walking") },
    { kind: "visit", itemId: 2, dose: visitDose, entry: entry(2, "visit") },
    {
      kind: "exercise",
      itemId: 3,
      dose: { sets: 2, reps: 10, holdSeconds: null, restSeconds: null, side: "both", load: "", timesPerDay: 1, daysPerWeek: 5, note: "" },
      entry: entry(3, "stretch"),
    },
    { kind: "education", itemId: 4, dose: { note: "Posture" }, entry: entry(4, "education") },
  ];
  return { id: 42, version: 3, title: "Low back plan", startDate: "2026-03-02", weeks: 4, items };
}

const clinic: CalendarClinic = { name: "Riverside Spine", phone: "555-0100", timeZone: "America/New_York" };

function build(plan = makePlan(), c = clinic) {
  return buildPlanCalendar({ plan: { id: plan.id, version: plan.version, document: plan }, clinic: c, uidDomain: "clinic.example" });
}

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  const events = root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  return {
    root,
    events,
    walks: events.filter((e) => e.summary.startsWith("Walk")),
    visits: events.filter((e) => !e.summary.startsWith("Walk") && !e.summary.startsWith("Sitting")),
  };
}

function occurrences(event: ICAL.Event) {
  const it = event.iterator();
  const out: ICAL.Time[] = [];
  for (let next = it.next(); next; next = it.next()) out.push(next);
  return out;
}

describe("buildPlanCalendar: walking", () => {
  it("makes one event per plan week with that week's minutes in the title", () => {
    const { walks } = parse(build());
    expect(walks.map((e) => e.summary)).toEqual([
      "Walk 10 minutes: Entry 1 (week 1)",
      "Walk 15 minutes: Entry 1 (week 2)",
      "Walk 20 minutes: Entry 1 (week 3)",
      "Walk 20 minutes: Entry 1 (week 4)",
    ]);
    expect(walks.map((e) => e.duration.toSeconds() / 60)).toEqual([10, 15, 20, 20]);
  });

  it("repeats each week's walk daily, as many days as the dose says, in uppercase", () => {
    const text = build();
    for (const walk of parse(text).walks) {
      const rule = walk.component.getFirstPropertyValue("rrule") as ICAL.Recur;
      expect(rule.freq).toBe("DAILY");
      expect(rule.count).toBe(5);
      expect(rule.until).toBeNull();
    }
    expect(text.match(/\r\nRRULE:FREQ=DAILY;COUNT=5\r\n/g)).toHaveLength(4);
  });

  it("puts week 2 on Mon-Fri at 09:00 New York time, after the DST change", () => {
    const week2 = parse(build()).walks[1];
    const days = occurrences(week2);
    expect(days.map((t) => t.toJSDate().toISOString())).toEqual(["09", "10", "11", "12", "13"].map((d) => `2026-03-${d}T13:00:00.000Z`));
    for (const t of days) {
      expect([t.hour, t.minute, t.zone?.tzid]).toEqual([9, 0, "America/New_York"]);
      expect(week2.getOccurrenceDetails(t).endDate.toJSDate().getTime() - t.toJSDate().getTime()).toBe(15 * 60_000);
    }
  });

  it("keeps 09:00 on the clock before the DST change too (14:00 UTC)", () => {
    const days = occurrences(parse(build()).walks[0]);
    expect(days.map((t) => t.toJSDate().toISOString())).toEqual(["02", "03", "04", "05", "06"].map((d) => `2026-03-${d}T14:00:00.000Z`));
  });

  it("writes DTSTART with the clinic's TZID and ships a VTIMEZONE for it", () => {
    const text = build();
    const { root, walks } = parse(text);
    for (const walk of walks) expect(walk.component.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("America/New_York");
    expect(text).toContain("\r\nDTSTART;TZID=America/New_York:20260309T090000\r\n");
    const zones = root.getAllSubcomponents("vtimezone").map((z) => z.getFirstPropertyValue("tzid"));
    expect(zones).toEqual(["America/New_York"]);
  });

  it("gives the dose in words, the sessions count and the clinic's phone", () => {
    const plan = makePlan({ ...walkDose, sessionsPerDay: 2 });
    const week2 = parse(build(plan)).walks[1];
    expect(week2.description).toContain("Walk for 15 minutes. Do this 2 times a day, 5 days a week.");
    expect(week2.description).toContain("Take 2 walks each day, 15 minutes each.");
    expect(week2.description).toContain("Questions? Call Riverside Spine at 555-0100.");
  });

  it("repeats every day of the week when the dose says 7 days", () => {
    const { walks } = parse(build(makePlan({ ...walkDose, daysPerWeek: 7 })));
    expect(occurrences(walks[0])).toHaveLength(7);
    expect((walks[0].component.getFirstPropertyValue("rrule") as ICAL.Recur).count).toBe(7);
  });
});

describe("buildPlanCalendar: sitting breaks", () => {
  const breaks: WalkingDose = { ...walkDose, minutes: 3, stepMinutes: null, capMinutes: null, breakEveryMinutes: 30 };

  function withBreaks() {
    const plan = makePlan();
    plan.items.push({ kind: "walking", itemId: 5, dose: breaks, entry: { ...entry(5, "walking"), name: "Sitting-break walk" } });
    return parse(build(plan));
  }

  it("words the break as an interval, in the title and the description", () => {
    const breakEvents = withBreaks().events.filter((e) => e.summary.startsWith("Sitting-break walk"));
    expect(breakEvents.map((e) => e.summary)).toEqual(
      [1, 2, 3, 4].map((w) => `Sitting-break walk: 3 minutes every 30 minutes while you sit (week ${w})`),
    );
    expect(breakEvents[0].description).toContain("Do this every 30 minutes while you sit, 5 days a week.");
    expect(breakEvents[0].description).not.toMatch(/walks each day/);
  });

  it("is an all-day, free event, so it does not stack on the 09:00 main walk", () => {
    const { events, walks } = withBreaks();
    const breakEvents = events.filter((e) => e.summary.startsWith("Sitting-break walk"));
    for (const event of breakEvents) {
      expect(event.startDate.isDate).toBe(true);
      expect(event.component.getFirstPropertyValue("transp")).toBe("TRANSPARENT");
      expect((event.component.getFirstPropertyValue("rrule") as ICAL.Recur).count).toBe(5);
    }
    // The main walk keeps its own timed slot.
    expect(walks.every((w) => !w.startDate.isDate && w.startDate.hour === 9)).toBe(true);
  });
});

describe("buildPlanCalendar: visits and other items", () => {
  it("makes one all-day event per visit on the pattern's dates", () => {
    const { visits } = parse(build());
    expect(visits.map((e) => e.summary)).toEqual(Array(6).fill("Chiropractic adjustment"));
    expect(visits.every((e) => e.startDate.isDate)).toBe(true);
    expect(visits.map((e) => e.startDate.toString())).toEqual(["2026-03-02", "2026-03-05", "2026-03-09", "2026-03-12", "2026-03-16", "2026-03-23"]);
    // ical.js numbers weekdays from Sunday = 1: Monday 2, Thursday 5.
    expect(visits.slice(0, 4).map((e) => e.startDate.dayOfWeek())).toEqual([2, 5, 2, 5]);
    expect(visits[0].description).toContain("Questions? Call Riverside Spine at 555-0100.");
  });

  it("leaves exercises and education out", () => {
    const { events } = parse(build());
    expect(events).toHaveLength(4 + 6);
    expect(events.some((e) => /item-(3|4)-/.test(e.uid))).toBe(false);
  });
});

describe("buildPlanCalendar: file format", () => {
  it("gives unique UIDs that survive a rebuild and a dose change", () => {
    const uids = (text: string) => parse(text).events.map((e) => e.uid);
    const first = uids(build());
    expect(new Set(first).size).toBe(first.length);
    expect(first).toContain("plan-42-item-1-week-2@clinic.example");
    expect(first).toContain("plan-42-item-2-visit-2026-03-12@clinic.example");
    expect(uids(build())).toEqual(first);
    expect(uids(build(makePlan({ ...walkDose, minutes: 12, capMinutes: 25 })))).toEqual(first);
  });

  it("stamps every event with a UTC DTSTAMP", () => {
    const { events } = parse(build());
    for (const e of events) {
      const stamp = e.component.getFirstPropertyValue("dtstamp") as ICAL.Time;
      expect(stamp).toBeTruthy();
      expect(stamp.zone?.tzid).toBe("UTC");
    }
  });

  it("ends every line with CRLF and folds at 75 octets without breaking characters", () => {
    const longClinic = { ...clinic, name: "Clínica de Fisioterapia Señora Müller – Rückenzentrum 🦴🏃‍♀️ São João" };
    const plan = { ...makePlan(), title: "Plan de rééducation lombaire — «marche» et ajustements ✨ très long" };
    const text = build(plan, longClinic);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    const lines = text.slice(0, -2).split("\r\n");
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
    }
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
    const { root, events } = parse(text);
    expect(root.getFirstPropertyValue("x-wr-calname")).toBe(`${plan.title} – ${longClinic.name}`);
    expect(events[0].description).toContain(`Call ${longClinic.name} at 555-0100.`);
  });

  it("cannot be given extra properties through a title with line breaks", () => {
    const plan = { ...makePlan(), title: "Plan\r\nBEGIN:VEVENT\r\nSUMMARY:Injected\r\nEND:VEVENT" };
    const text = build(plan);
    expect(parse(text).events).toHaveLength(10);
    expect(text.split("\r\n")).not.toContain("SUMMARY:Injected");
    const unfolded = text.replace(/\r\n /g, "");
    expect(unfolded).toContain("\r\nX-WR-CALNAME:Plan\\nBEGIN:VEVENT\\nSUMMARY:Injected\\nEND:VEVENT – Riverside Spine\r\n");
  });
});

describe("buildPlanCalendar: time zones", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it("writes the same file whatever the server's own zone", () => {
    const withoutStamps = (text: string) => text.replace(/^DTSTAMP:.*\r\n/gm, "");
    const outputs = ["UTC", "Asia/Tokyo", "America/Los_Angeles", "Pacific/Kiritimati", "America/New_York"].map((tz) => {
      process.env.TZ = tz;
      return withoutStamps(build());
    });
    for (const out of outputs) expect(out).toBe(outputs[0]);
  });

  it("writes UTC times for a clinic on UTC", () => {
    const text = build(makePlan(), { ...clinic, timeZone: "UTC" });
    expect(text).toContain("\r\nDTSTART:20260302T090000Z\r\n");
    expect(parse(text).root.getAllSubcomponents("vtimezone")).toHaveLength(0);
  });

  it("falls back to the canonical zone name when the new one has no VTIMEZONE", () => {
    const text = build(makePlan(), { ...clinic, timeZone: "Europe/Kyiv" });
    expect(text).toContain("\r\nDTSTART;TZID=Europe/Kiev:20260302T090000\r\n");
    expect(parse(text).root.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Kiev");
  });

  it("writes the right instant in UTC for a zone with no VTIMEZONE at all", () => {
    const timeZone = "America/Ciudad_Juarez";
    const { walks, root } = parse(build(makePlan(), { ...clinic, timeZone }));
    expect(root.getAllSubcomponents("vtimezone")).toHaveLength(0);
    const wall = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      hour: "2-digit",
      minute: "2-digit",
      month: "2-digit",
      day: "2-digit",
    });
    expect(wall.format(walks[1].startDate.toJSDate())).toBe("03/09, 09:00");
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { daysBetween, formatDateShort, weekdayIndex } from "@/lib/calendar-date";
import type { VisitDose, VisitSpan } from "@/lib/dose";
import { expandVisits, visitScheduleFitsPlan } from "@/lib/visit-schedule";

function visits(spans: VisitSpan[], visitType: VisitDose["visitType"] = "chiropractic-adjustment"): VisitDose {
  return { visitType, spans, note: "" };
}

const MONDAY = "2026-03-02";

describe("expandVisits", () => {
  it("puts 3 visits a week on Mon/Wed/Fri for a plan starting on a Monday", () => {
    const result = expandVisits(visits([{ perWeek: 3, weeks: 2 }]), MONDAY);
    expect(result).toEqual([
      { date: "2026-03-02", week: 1, visitType: "chiropractic-adjustment" },
      { date: "2026-03-04", week: 1, visitType: "chiropractic-adjustment" },
      { date: "2026-03-06", week: 1, visitType: "chiropractic-adjustment" },
      { date: "2026-03-09", week: 2, visitType: "chiropractic-adjustment" },
      { date: "2026-03-11", week: 2, visitType: "chiropractic-adjustment" },
      { date: "2026-03-13", week: 2, visitType: "chiropractic-adjustment" },
    ]);
    expect(result.map((v) => formatDateShort(v.date).slice(0, 3))).toEqual(["Mon", "Wed", "Fri", "Mon", "Wed", "Fri"]);
  });

  it("spreads every weekly count over the week by the agreed day offsets", () => {
    const expected: Record<number, number[]> = {
      1: [0],
      2: [0, 3],
      3: [0, 2, 4],
      4: [0, 1, 3, 4],
      5: [0, 1, 2, 3, 4],
      6: [0, 1, 2, 3, 4, 5],
      7: [0, 1, 2, 3, 4, 5, 6],
    };
    for (const [perWeek, offsets] of Object.entries(expected)) {
      const result = expandVisits(visits([{ perWeek: Number(perWeek), weeks: 1 }]), MONDAY);
      expect(
        result.map((v) => daysBetween(MONDAY, v.date)),
        `${perWeek} a week`,
      ).toEqual(offsets);
    }
  });

  it("runs spans back to back and numbers plan weeks across them", () => {
    const result = expandVisits(
      visits([
        { perWeek: 3, weeks: 2 },
        { perWeek: 2, weeks: 4 },
        { perWeek: 1, weeks: 1 },
      ]),
      MONDAY,
    );
    expect(result).toHaveLength(3 * 2 + 2 * 4 + 1);
    const perWeek = new Map<number, number>();
    for (const v of result) perWeek.set(v.week, (perWeek.get(v.week) ?? 0) + 1);
    expect([...perWeek.entries()]).toEqual([
      [1, 3],
      [2, 3],
      [3, 2],
      [4, 2],
      [5, 2],
      [6, 2],
      [7, 1],
    ]);
    // The second span starts the day after the first one's last week ends (Monday of week 3).
    expect(result[6]).toEqual({ date: "2026-03-16", week: 3, visitType: "chiropractic-adjustment" });
    expect(result[7].date).toBe("2026-03-19"); // Thursday: 2 a week is Mon/Thu
    expect(result[result.length - 1]).toEqual({ date: "2026-04-13", week: 7, visitType: "chiropractic-adjustment" });
  });

  it("returns visits in strictly increasing date order, each date once", () => {
    const result = expandVisits(
      visits([
        { perWeek: 7, weeks: 2 },
        { perWeek: 5, weeks: 3 },
        { perWeek: 4, weeks: 2 },
      ]),
      "2026-02-26",
    );
    for (let i = 1; i < result.length; i++) expect(daysBetween(result[i - 1].date, result[i].date)).toBeGreaterThan(0);
  });

  it("anchors plan weeks on the start date, whatever weekday it is", () => {
    // A Thursday start: 3 a week lands on Thu/Sat/Mon.
    const result = expandVisits(visits([{ perWeek: 3, weeks: 1 }]), "2026-03-05");
    expect(result.map((v) => v.date)).toEqual(["2026-03-05", "2026-03-07", "2026-03-09"]);
    expect(result.every((v) => v.week === 1)).toBe(true);
  });

  it("handles a one-week span and skips a zero-length span without shifting the rest", () => {
    expect(expandVisits(visits([{ perWeek: 1, weeks: 1 }], "re-assessment"), MONDAY)).toEqual([
      { date: MONDAY, week: 1, visitType: "re-assessment" },
    ]);
    const result = expandVisits(
      visits([
        { perWeek: 3, weeks: 0 },
        { perWeek: 2, weeks: 1 },
        { perWeek: 3, weeks: 0 },
        { perWeek: 1, weeks: 1 },
      ]),
      MONDAY,
    );
    expect(result.map((v) => [v.date, v.week])).toEqual([
      ["2026-03-02", 1],
      ["2026-03-05", 1],
      ["2026-03-09", 2],
    ]);
  });

  it("gives no visits for an empty pattern", () => {
    expect(expandVisits(visits([]), MONDAY)).toEqual([]);
  });

  it("keeps Mon/Wed/Fri across the US daylight-saving changes", () => {
    // New York springs forward on Sunday 2026-03-08 and falls back on Sunday 2026-11-01.
    const spring = expandVisits(visits([{ perWeek: 3, weeks: 2 }]), "2026-03-02");
    expect(spring.map((v) => weekdayIndex(v.date))).toEqual([0, 2, 4, 0, 2, 4]);
    expect(spring[3].date).toBe("2026-03-09");
    const autumn = expandVisits(visits([{ perWeek: 3, weeks: 2 }]), "2026-10-26");
    expect(autumn.map((v) => v.date)).toEqual(["2026-10-26", "2026-10-28", "2026-10-30", "2026-11-02", "2026-11-04", "2026-11-06"]);
  });

  it("keeps weekdays across a month end and a year end", () => {
    const result = expandVisits(visits([{ perWeek: 3, weeks: 2 }]), "2026-12-28");
    expect(result.map((v) => v.date)).toEqual(["2026-12-28", "2026-12-30", "2027-01-01", "2027-01-04", "2027-01-06", "2027-01-08"]);
    expect(result.map((v) => weekdayIndex(v.date))).toEqual([0, 2, 4, 0, 2, 4]);
    expect(expandVisits(visits([{ perWeek: 2, weeks: 1 }]), "2026-01-29").map((v) => v.date)).toEqual(["2026-01-29", "2026-02-01"]);
  });

  describe("whatever the server's time zone", () => {
    const originalTz = process.env.TZ;
    afterEach(() => {
      if (originalTz === undefined) delete process.env.TZ;
      else process.env.TZ = originalTz;
    });

    const pattern = visits([
      { perWeek: 3, weeks: 3 },
      { perWeek: 2, weeks: 2 },
    ]);

    /** The same schedule worked out independently, from whole days since the epoch. */
    function byEpochDays(start: string, dose: VisitDose): string[] {
      const offsets: Record<number, number[]> = { 2: [0, 3], 3: [0, 2, 4] };
      const startDay = Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)) - 1, Number(start.slice(8, 10))) / 86_400_000;
      const out: string[] = [];
      let week = 0;
      for (const span of dose.spans) {
        for (let w = 0; w < span.weeks; w++, week++) {
          for (const o of offsets[span.perWeek]) out.push(new Date((startDay + 7 * week + o) * 86_400_000).toISOString().slice(0, 10));
        }
      }
      return out;
    }

    it("gives the same dates under any TZ, matching an epoch-day calculation", () => {
      for (const start of ["2026-03-02", "2026-10-26", "2026-12-28"]) {
        const expected = byEpochDays(start, pattern);
        for (const tz of ["UTC", "America/New_York", "Europe/London", "Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
          process.env.TZ = tz;
          expect(
            expandVisits(pattern, start).map((v) => v.date),
            `${start} in ${tz}`,
          ).toEqual(expected);
        }
      }
      // Guard: the TZ switch really took effect, so a local-time bug would have shown above.
      process.env.TZ = "Pacific/Kiritimati";
      expect(new Date(2026, 2, 2).toISOString().slice(0, 10)).toBe("2026-03-01");
    });
  });
});

describe("visitScheduleFitsPlan", () => {
  const pattern = visits([
    { perWeek: 3, weeks: 2 },
    { perWeek: 2, weeks: 4 },
  ]);

  it("fits when the spans add up to the plan length or less", () => {
    expect(visitScheduleFitsPlan(pattern, 6)).toBe(true);
    expect(visitScheduleFitsPlan(pattern, 12)).toBe(true);
  });

  it("does not fit when the spans run past the plan's end", () => {
    expect(visitScheduleFitsPlan(pattern, 5)).toBe(false);
    expect(visitScheduleFitsPlan(visits([{ perWeek: 1, weeks: 1 }]), 0)).toBe(false);
  });
});

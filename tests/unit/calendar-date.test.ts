import { afterEach, describe, expect, it } from "vitest";
import {
  addDays,
  addWeeks,
  daysBetween,
  formatDateLong,
  formatDateShort,
  isCalendarDate,
  isTimeZone,
  todayIn,
  weekdayIndex,
} from "@/lib/calendar-date";

describe("isCalendarDate", () => {
  it("accepts real dates, including leap days", () => {
    for (const d of ["2026-03-02", "2024-02-29", "2000-02-29", "1950-12-31", "0001-01-01", "9999-12-31"]) {
      expect(isCalendarDate(d), d).toBe(true);
    }
  });

  it("refuses dates that do not exist", () => {
    for (const d of ["2026-02-30", "2025-02-29", "2100-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01"]) {
      expect(isCalendarDate(d), d).toBe(false);
    }
  });

  it("refuses anything but the exact YYYY-MM-DD shape", () => {
    for (const d of ["", "2026-3-2", "2026-03-2", " 2026-03-02", "2026-03-02 ", "2026/03/02", "2026-03-02T00:00", "20260302", "02-03-2026"]) {
      expect(isCalendarDate(d), JSON.stringify(d)).toBe(false);
    }
  });
});

describe("date arithmetic", () => {
  it("adds and subtracts days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-03-02", 0)).toBe("2026-03-02");
    expect(addDays("2026-01-31", 1)).toBe("2026-02-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2026-03-02", 365)).toBe("2027-03-02");
  });

  it("adds weeks", () => {
    expect(addWeeks("2026-03-02", 1)).toBe("2026-03-09");
    expect(addWeeks("2026-12-28", 1)).toBe("2027-01-04");
    expect(addWeeks("2026-03-02", -2)).toBe("2026-02-16");
  });

  it("does not lose or gain a day over daylight-saving changes", () => {
    // US clocks change on 2026-03-08 and 2026-11-01; EU on 2026-03-29 and 2026-10-25.
    expect(addDays("2026-03-07", 1)).toBe("2026-03-08");
    expect(addDays("2026-03-08", 1)).toBe("2026-03-09");
    expect(addDays("2026-10-31", 2)).toBe("2026-11-02");
    expect(daysBetween("2026-03-01", "2026-03-15")).toBe(14);
    expect(daysBetween("2026-10-20", "2026-11-03")).toBe(14);
  });

  it("counts days between two dates, signed", () => {
    expect(daysBetween("2026-03-02", "2026-03-02")).toBe(0);
    expect(daysBetween("2026-03-02", "2026-03-09")).toBe(7);
    expect(daysBetween("2026-03-09", "2026-03-02")).toBe(-7);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
  });

  it("numbers weekdays from Monday = 0 to Sunday = 6", () => {
    expect(weekdayIndex("2026-03-02")).toBe(0); // Monday
    expect(weekdayIndex("2026-03-04")).toBe(2); // Wednesday
    expect(weekdayIndex("2026-03-08")).toBe(6); // Sunday
    expect(weekdayIndex("2027-01-01")).toBe(4); // Friday
    expect(weekdayIndex("2024-02-29")).toBe(3); // Thursday
  });

  it("throws on a malformed date or a fractional day count instead of returning garbage", () => {
    expect(() => addDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => addDays("2026-03-02", 1.5)).toThrow(RangeError);
    expect(() => weekdayIndex("next monday")).toThrow(RangeError);
    expect(() => formatDateLong("")).toThrow(RangeError);
  });
});

describe("formatting", () => {
  it("writes long and short English dates", () => {
    expect(formatDateLong("2026-03-02")).toBe("Monday, March 2, 2026");
    expect(formatDateShort("2026-03-02")).toBe("Mon, Mar 2");
    expect(formatDateLong("2027-01-01")).toBe("Friday, January 1, 2027");
    expect(formatDateShort("2026-12-31")).toBe("Thu, Dec 31");
  });
});

describe("time zones", () => {
  it("recognises IANA zone names", () => {
    expect(isTimeZone("America/New_York")).toBe(true);
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone("   ")).toBe(false);
  });

  it("gives the clinic's own date, which differs from UTC near midnight", () => {
    // 03:00 UTC on Monday 2 March is still Sunday evening in New York.
    const now = new Date("2026-03-02T03:00:00Z");
    expect(todayIn("UTC", now)).toBe("2026-03-02");
    expect(todayIn("America/New_York", now)).toBe("2026-03-01");
    expect(todayIn("America/Los_Angeles", now)).toBe("2026-03-01");
    expect(todayIn("Asia/Tokyo", now)).toBe("2026-03-02");
    // 23:30 UTC on 31 December is already New Year's Day east of Greenwich.
    const newYearsEve = new Date("2026-12-31T23:30:00Z");
    expect(todayIn("Europe/Berlin", newYearsEve)).toBe("2027-01-01");
    expect(todayIn("Pacific/Kiritimati", newYearsEve)).toBe("2027-01-01");
    expect(todayIn("Pacific/Pago_Pago", newYearsEve)).toBe("2026-12-31");
  });

  it("returns a valid calendar date for the current moment", () => {
    expect(isCalendarDate(todayIn("Europe/London"))).toBe(true);
  });

  it("throws for an unknown zone", () => {
    expect(() => todayIn("Nowhere/Special")).toThrow(RangeError);
  });
});

describe("independence from the process time zone", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  const zones = ["UTC", "America/New_York", "Pacific/Pago_Pago", "Pacific/Kiritimati", "Asia/Kolkata"];

  function everything() {
    return {
      added: addDays("2026-03-07", 1),
      acrossYear: addWeeks("2026-12-28", 1),
      weekday: weekdayIndex("2026-03-08"),
      span: daysBetween("2026-03-01", "2026-11-15"),
      long: formatDateLong("2026-03-02"),
      short: formatDateShort("2026-11-01"),
      today: todayIn("Asia/Tokyo", new Date("2026-03-01T16:00:00Z")),
    };
  }

  it("gives the same answers whatever TZ the server runs in", () => {
    process.env.TZ = "UTC";
    const reference = everything();
    for (const tz of zones) {
      process.env.TZ = tz;
      expect(everything(), tz).toEqual(reference);
    }
    expect(reference).toEqual({
      added: "2026-03-08",
      acrossYear: "2027-01-04",
      weekday: 6,
      span: 259,
      long: "Monday, March 2, 2026",
      short: "Sun, Nov 1",
      today: "2026-03-02",
    });
  });

  it("agrees with a count of whole days since the epoch, where a local-time reading would not", () => {
    process.env.TZ = "America/New_York";
    // Guard: the TZ switch really took effect, so this test can catch a local-time bug.
    expect(new Date(Date.UTC(2026, 2, 2)).getDate()).toBe(1);

    const epochDay = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(5, 7)) - 1, Number(s.slice(8, 10))) / 86_400_000;
    let date = "2026-02-20";
    for (let i = 0; i < 300; i++) {
      const next = addDays(date, 1);
      expect(epochDay(next) - epochDay(date), `${date} -> ${next}`).toBe(1);
      expect(weekdayIndex(next)).toBe((weekdayIndex(date) + 1) % 7);
      date = next;
    }
    expect(daysBetween("2026-02-20", date)).toBe(300);
  });
});

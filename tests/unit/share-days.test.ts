import { describe, expect, it } from "vitest";
import { planEndDate, SHARE_DAYS, shareDaysForPlan, shareLinkDates } from "@/lib/share-days";

describe("share link length", () => {
  it("covers the plan to its last day and a week more by default", () => {
    const planEnd = planEndDate({ startDate: "2026-12-07", weeks: 6 });
    expect(planEnd).toBe("2027-01-17");
    // Made on Dec 1: 47 days to Jan 17, the last day itself, then 7 more.
    expect(shareDaysForPlan("2026-12-01", planEnd)).toBe(55);
    const { endsBeforePlan } = shareLinkDates(
      { createdAt: new Date("2026-12-01T15:00:00Z"), expiresAt: new Date(Date.parse("2026-12-01T15:00:00Z") + 55 * 86_400_000) },
      { timeZone: "UTC", planEnd },
    );
    expect(endsBeforePlan).toBe(false);
  });

  it("stays within what a link may last", () => {
    expect(shareDaysForPlan("2026-01-01", planEndDate({ startDate: "2026-01-05", weeks: 26 }))).toBe(SHARE_DAYS.max);
    expect(shareDaysForPlan("2026-06-01", "2026-01-01")).toBe(SHARE_DAYS.min);
  });

  it("flags a link that stops before the plan's last day is over", () => {
    const planEnd = "2026-12-31";
    const made = new Date("2026-12-01T15:00:00Z");
    const after = (days: number) => new Date(made.getTime() + days * 86_400_000);
    expect(shareLinkDates({ createdAt: made, expiresAt: after(29) }, { timeZone: "UTC", planEnd }).endsBeforePlan).toBe(true);
    // Stops at 15:00 on the last day: the evening of that day is not covered.
    expect(shareLinkDates({ createdAt: made, expiresAt: after(30) }, { timeZone: "UTC", planEnd }).endsBeforePlan).toBe(true);
    expect(shareLinkDates({ createdAt: made, expiresAt: after(31) }, { timeZone: "UTC", planEnd }).endsBeforePlan).toBe(false);
  });
});

describe("share link dates", () => {
  it("says the date in the clinic's zone, not the server's", () => {
    // 02:30 UTC on Dec 2 is still the evening of Dec 1 in Chicago.
    const link = { createdAt: new Date("2026-12-02T02:30:00Z"), expiresAt: new Date("2026-12-09T02:30:00Z") };
    expect(shareLinkDates(link, { timeZone: "America/Chicago", planEnd: "2026-12-31" })).toMatchObject({
      made: "Dec 1, 2026",
      worksUntil: "Dec 8, 2026",
    });
    expect(shareLinkDates(link, { timeZone: "UTC", planEnd: "2026-12-31" }).made).toBe("Dec 2, 2026");
  });
});

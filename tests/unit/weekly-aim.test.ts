import { describe, expect, it } from "vitest";
import { diaryAim, phoneAim, planWeek } from "@/lib/weekly-aim";

describe("weekly aim", () => {
  it("finds the plan week of a day, clamped to the plan", () => {
    expect(planWeek("2026-03-02", 6, "2026-03-02")).toEqual({ week: 1, start: "2026-03-02", end: "2026-03-08" });
    expect(planWeek("2026-03-02", 6, "2026-03-09")).toEqual({ week: 2, start: "2026-03-09", end: "2026-03-15" });
    expect(planWeek("2026-03-02", 6, "2026-02-20").week).toBe(1);
    expect(planWeek("2026-03-02", 2, "2026-05-01")).toEqual({ week: 2, start: "2026-03-09", end: "2026-03-15" });
  });

  it("asks for every day only when the dose says 7 days", () => {
    expect(diaryAim(7)).toBe("Every day");
    expect(diaryAim(3)).toBe("3 days this week");
    expect(diaryAim(1)).toBe("1 day this week");
  });

  it("tells the phone how many days to aim for and how many are done", () => {
    expect(phoneAim(7, 2)).toBeNull();
    expect(phoneAim(3, 1)).toBe("Aim for 3 days this week; 1 done.");
    expect(phoneAim(3, 3)).toMatch(/^Aim for 3 days this week; 3 done\. That is this week's goal reached/);
  });
});

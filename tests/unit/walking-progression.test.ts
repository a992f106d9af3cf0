import { describe, expect, it } from "vitest";
import type { WalkingDose } from "@/lib/dose";
import { walkingWeeks } from "@/lib/walking-progression";

function walk(overrides: Partial<WalkingDose> = {}): WalkingDose {
  return {
    minutes: 10,
    sessionsPerDay: 1,
    daysPerWeek: 5,
    intensity: "talk-test",
    rpe: null,
    stepMinutes: 5,
    capMinutes: 30,
    note: "",
    ...overrides,
  };
}

const minutesOf = (dose: WalkingDose, weeks: number) => walkingWeeks(dose, weeks).map((r) => r.minutes);

describe("walkingWeeks", () => {
  it("grows by the step each week and stops at the cap", () => {
    const rows = walkingWeeks(walk(), 8);
    expect(rows.map((r) => r.week)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rows.map((r) => r.minutes)).toEqual([10, 15, 20, 25, 30, 30, 30, 30]);
    expect(rows.map((r) => r.capReached)).toEqual([false, false, false, false, true, true, true, true]);
  });

  it("lands exactly on a cap that is not a multiple of the step", () => {
    expect(minutesOf(walk({ minutes: 10, stepMinutes: 7, capMinutes: 30 }), 6)).toEqual([10, 17, 24, 30, 30, 30]);
  });

  it("reports the weekly total and repeats the per-day and per-week counts on every row", () => {
    const [first, second] = walkingWeeks(walk({ sessionsPerDay: 2, daysPerWeek: 3 }), 2);
    expect(first).toEqual({ week: 1, minutes: 10, sessionsPerDay: 2, daysPerWeek: 3, weeklyMinutes: 60, capReached: false, bigJump: false });
    expect(second.weeklyMinutes).toBe(90);
  });

  it("cuts progression that would run past the plan's end", () => {
    const rows = walkingWeeks(walk({ minutes: 10, stepMinutes: 5, capMinutes: 45 }), 3);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.minutes)).toEqual([10, 15, 20]);
    expect(rows.some((r) => r.capReached)).toBe(false);
  });

  it("keeps the same length when there is no step", () => {
    for (const stepMinutes of [null, 0]) {
      const rows = walkingWeeks(walk({ stepMinutes, capMinutes: 30 }), 4);
      expect(rows.map((r) => r.minutes)).toEqual([10, 10, 10, 10]);
      expect(rows.every((r) => !r.capReached && !r.bigJump)).toBe(true);
    }
  });

  it("marks the cap as reached from week 1 when the walk already starts at it", () => {
    const rows = walkingWeeks(walk({ minutes: 30, stepMinutes: 5, capMinutes: 30 }), 3);
    expect(rows.map((r) => r.minutes)).toEqual([30, 30, 30]);
    expect(rows.every((r) => r.capReached)).toBe(true);
  });

  it("grows without a cap but never beyond the schema's longest walk of 180 minutes", () => {
    const rows = walkingWeeks(walk({ minutes: 150, stepMinutes: 20, capMinutes: null }), 4);
    expect(rows.map((r) => r.minutes)).toEqual([150, 170, 180, 180]);
    expect(rows.every((r) => !r.capReached)).toBe(true);
    expect(minutesOf(walk({ capMinutes: null }), 3)).toEqual([10, 15, 20]);
  });

  it("gives a single row for a 1-week plan", () => {
    const rows = walkingWeeks(walk(), 1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ week: 1, minutes: 10, weeklyMinutes: 50, bigJump: false });
  });

  it("gives no rows for a 0-week plan", () => {
    expect(walkingWeeks(walk(), 0)).toEqual([]);
    expect(walkingWeeks(walk(), -2)).toEqual([]);
  });

  it("flags a weekly rise of more than 20 %, but not exactly 20 % or less", () => {
    // 10 -> 15 is +50 %, 15 -> 20 is +33 %, 20 -> 25 is +25 %, 25 -> 30 is +20 % exactly.
    const rows = walkingWeeks(walk({ minutes: 10, stepMinutes: 5, capMinutes: 30 }), 6);
    expect(rows.map((r) => r.bigJump)).toEqual([false, true, true, true, false, false]);
    // 20 -> 23 is +15 %.
    expect(walkingWeeks(walk({ minutes: 20, stepMinutes: 3, capMinutes: 23 }), 2).map((r) => r.bigJump)).toEqual([false, false]);
    // 20 -> 25 with 2 sessions a day: the ratio, not the raw minutes, decides.
    expect(walkingWeeks(walk({ minutes: 20, stepMinutes: 5, sessionsPerDay: 2 }), 2)[1].bigJump).toBe(true);
  });

  it("never flags the first week", () => {
    expect(walkingWeeks(walk({ minutes: 180, capMinutes: null }), 1)[0].bigJump).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { describePainTrend, planAdherence, type AdherenceInput } from "@/lib/adherence";
import { addDays } from "@/lib/calendar-date";
import type { EducationDose, ExerciseDose, WalkingDose } from "@/lib/dose";

const START = "2026-03-02"; // a Monday

const exercise = (daysPerWeek: number): ExerciseDose => ({
  sets: 2,
  reps: 10,
  holdSeconds: null,
  restSeconds: null,
  side: "both",
  load: "",
  timesPerDay: 1,
  daysPerWeek,
  note: "",
});
const walking = (daysPerWeek: number): WalkingDose => ({
  minutes: 20,
  sessionsPerDay: 1,
  daysPerWeek,
  intensity: "talk-test",
  rpe: null,
  stepMinutes: null,
  capMinutes: null,
  note: "",
});
const education: EducationDose = { note: "" };

const items: AdherenceInput["plan"]["items"] = [
  { id: 1, kind: "exercise", dose: exercise(3) },
  { id: 2, kind: "walking", dose: walking(5) },
  { id: 3, kind: "education", dose: education },
];

function input(overrides: Partial<AdherenceInput> & { weeks?: number } = {}): AdherenceInput {
  const { weeks = 4, ...rest } = overrides;
  return {
    plan: { startDate: START, weeks, items },
    itemLogs: [],
    painLogs: [],
    today: addDays(START, 20),
    quietDays: 3,
    ...rest,
  };
}

/** Ticks for one item on the first `n` days of the week starting at `weekStart`. */
function ticks(planItemId: number, weekStart: string, n: number) {
  return Array.from({ length: n }, (_, i) => ({ planItemId, day: addDays(weekStart, i) }));
}

describe("planAdherence weeks", () => {
  it("reports full adherence when every prescribed day is ticked", () => {
    const result = planAdherence(input({ itemLogs: [...ticks(1, START, 3), ...ticks(2, START, 5)] }));
    expect(result.weeks[0]).toEqual({
      week: 1,
      startDate: START,
      endDate: "2026-03-08",
      inProgress: false,
      daysActive: 5,
      itemsDone: 8,
      itemsPrescribed: 8,
      percent: 100,
    });
  });

  it("reports partial adherence, rounded", () => {
    const week2 = addDays(START, 7);
    const result = planAdherence(input({ itemLogs: [...ticks(1, week2, 1), ...ticks(2, week2, 2)] }));
    expect(result.weeks[1]).toMatchObject({ week: 2, daysActive: 2, itemsDone: 3, itemsPrescribed: 8, percent: 38 });
    expect(result.weeks[0]).toMatchObject({ daysActive: 0, itemsDone: 0, percent: 0 });
  });

  it("caps an item ticked more days than prescribed, but counts those days as active", () => {
    const result = planAdherence(input({ itemLogs: ticks(1, START, 7) }));
    expect(result.weeks[0]).toMatchObject({ daysActive: 7, itemsDone: 3, percent: 38 });
  });

  it("counts ticks on education items as activity, not as prescribed items", () => {
    const result = planAdherence(input({ itemLogs: ticks(3, START, 2) }));
    expect(result.weeks[0]).toMatchObject({ daysActive: 2, itemsDone: 0, itemsPrescribed: 8 });
  });

  it("shows weeks up to the current one and never a future week", () => {
    const today = addDays(START, 9); // Wednesday of week 2
    const result = planAdherence(input({ today, itemLogs: ticks(1, addDays(START, 14), 2) }));
    expect(result.weeks.map((w) => w.week)).toEqual([1, 2]);
    expect(result.weeks[1]).toMatchObject({ inProgress: true, endDate: "2026-03-15", itemsDone: 0 });
  });

  it("shows no weeks before the plan starts, and every week once it has ended", () => {
    expect(planAdherence(input({ today: addDays(START, -1) })).weeks).toEqual([]);
    const ended = planAdherence(input({ today: addDays(START, 100) }));
    expect(ended.weeks.map((w) => w.week)).toEqual([1, 2, 3, 4]);
    expect(ended.weeks.every((w) => !w.inProgress)).toBe(true);
  });

  it("ignores logs before the start, after the end, and for items not in the plan", () => {
    const before = addDays(START, -1);
    const after = addDays(START, 28);
    const result = planAdherence(
      input({
        today: addDays(START, 40),
        itemLogs: [
          { planItemId: 1, day: before },
          { planItemId: 1, day: after },
          { planItemId: 99, day: START },
        ],
        painLogs: [
          { day: before, score: 9, comment: "before" },
          { day: after, score: 9, comment: "after" },
        ],
      }),
    );
    expect(result.weeks.every((w) => w.daysActive === 0 && w.itemsDone === 0)).toBe(true);
    expect(result.pain).toEqual([]);
    expect(result.flags.lastLogDay).toBeNull();
  });

  it("handles a plan with nothing to tick", () => {
    const result = planAdherence({ ...input({ today: addDays(START, 10) }), plan: { startDate: START, weeks: 2, items: [] } });
    expect(result.weeks).toHaveLength(2);
    expect(result.weeks[0]).toMatchObject({ itemsDone: 0, itemsPrescribed: 0, percent: null, daysActive: 0 });
    expect(result.pain).toEqual([]);
    expect(result.flags).toEqual({ quiet: true, lastLogDay: null, highPain: false, latestPain: null });
  });
});

describe("planAdherence pain and flags", () => {
  it("sorts pain by day and reports the latest score", () => {
    const result = planAdherence(
      input({
        painLogs: [
          { day: addDays(START, 5), score: 3, comment: "better" },
          { day: addDays(START, 1), score: 6, comment: "sore" },
        ],
      }),
    );
    expect(result.pain.map((p) => [p.day, p.score, p.comment])).toEqual([
      ["2026-03-03", 6, "sore"],
      ["2026-03-07", 3, "better"],
    ]);
    expect(result.flags.latestPain).toBe(3);
    expect(result.flags.lastLogDay).toBe("2026-03-07");
  });

  it("flags quiet only after quietDays days with nothing logged", () => {
    const today = addDays(START, 10);
    const lastTick = (daysAgo: number) => input({ today, itemLogs: [{ planItemId: 1, day: addDays(today, -daysAgo) }] });
    expect(planAdherence(lastTick(2)).flags.quiet).toBe(false); // within the last 3 days
    expect(planAdherence(lastTick(3)).flags.quiet).toBe(true);
    const painOnly = input({ today, painLogs: [{ day: addDays(today, -2), score: 2, comment: "" }] });
    expect(planAdherence(painOnly).flags.quiet).toBe(false);
  });

  it("does not flag quiet until quietDays days have passed since the start", () => {
    expect(planAdherence(input({ today: addDays(START, 2) })).flags.quiet).toBe(false);
    expect(planAdherence(input({ today: addDays(START, 3) })).flags.quiet).toBe(true);
    expect(planAdherence(input({ today: addDays(START, -5) })).flags.quiet).toBe(false);
  });

  it("does not flag quiet once the plan has ended, or for a plan that is not active", () => {
    expect(planAdherence(input({ today: addDays(START, 28) })).flags.quiet).toBe(false);
    const draft = input();
    draft.plan = { ...draft.plan, status: "draft" };
    expect(planAdherence(draft).flags.quiet).toBe(false);
    draft.plan = { ...draft.plan, status: "active" };
    expect(planAdherence(draft).flags.quiet).toBe(true);
  });

  it("flags high pain of 7 or more within the last 7 days only", () => {
    const today = addDays(START, 20);
    const pain = (daysAgo: number, score: number) => input({ today, painLogs: [{ day: addDays(today, -daysAgo), score, comment: "" }] });
    expect(planAdherence(pain(6, 7)).flags.highPain).toBe(true);
    expect(planAdherence(pain(0, 9)).flags.highPain).toBe(true);
    expect(planAdherence(pain(7, 9)).flags.highPain).toBe(false);
    expect(planAdherence(pain(1, 6)).flags.highPain).toBe(false);
  });
});

describe("describePainTrend", () => {
  it("summarises the trend in one sentence", () => {
    const points = [
      { day: "2026-03-02", score: 6 },
      { day: "2026-03-05", score: 4 },
      { day: "2026-03-10", score: 3 },
    ];
    expect(describePainTrend(points)).toBe("Pain from 6 to 3 over 9 days; latest 3");
    expect(describePainTrend([points[0]])).toBe("Pain 6 on Mon, Mar 2; latest 6");
    expect(describePainTrend([])).toBe("No pain scores recorded yet");
  });
});

describe("planAdherence across issued versions", () => {
  it("counts each week against the version in force by its end, so a dose changed mid-plan keeps the earlier weeks' targets", () => {
    const week2 = addDays(START, 7);
    const v1 = [{ id: 1, kind: "exercise" as const, dose: exercise(7) }];
    // v2, issued on the Wednesday of week 2: the exercise drops to 3 days and a walk of 5 days is added.
    const v2 = [
      { id: 1, kind: "exercise" as const, dose: exercise(3) },
      { id: 2, kind: "walking" as const, dose: walking(5) },
    ];
    const base = input({ itemLogs: [...ticks(1, START, 7), ...ticks(1, week2, 3), ...ticks(2, week2, 2)] });
    const result = planAdherence({
      ...base,
      plan: {
        ...base.plan,
        items: v2,
        versions: [
          { from: addDays(START, -3), items: v1 },
          { from: addDays(week2, 2), items: v2 },
        ],
      },
    });
    expect(result.weeks[0]).toMatchObject({ itemsPrescribed: 7, itemsDone: 7, percent: 100 });
    expect(result.weeks[1]).toMatchObject({ itemsPrescribed: 8, itemsDone: 5 });
    // Without versions the draft holds for every week: week 1 would be measured against 8, not 7.
    expect(planAdherence(input({ itemLogs: ticks(1, START, 7) })).weeks[0].itemsPrescribed).toBe(8);
  });
});

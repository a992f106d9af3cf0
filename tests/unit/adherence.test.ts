import { describe, expect, it } from "vitest";
import { describePainTrend, dueByDay, planAdherence, type AdherenceInput } from "@/lib/adherence";
import { addDays, todayIn } from "@/lib/calendar-date";
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
      soFar: null,
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

  it("ignores logs after the end and for items not in the plan, and keeps those before the start apart from the weeks", () => {
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
    expect(result.beforeStart).toEqual({ daysActive: 1, ticks: 1 });
    expect(result.pain).toEqual([{ day: before, score: 9, comment: "before" }]);
    expect(result.flags.lastLogDay).toBe(before);
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

describe("progress so far this week", () => {
  it("spreads an item's days evenly over the week, rounded", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((day) => dueByDay(7, day))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect([1, 2, 3, 4, 5, 6, 7].map((day) => dueByDay(3, day))).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect([1, 2, 3, 4, 5, 6, 7].map((day) => dueByDay(5, day))).toEqual([1, 1, 2, 3, 4, 4, 5]);
    expect(dueByDay(1, 3)).toBe(0);
    expect(dueByDay(1, 4)).toBe(1);
  });

  it("counts a Tuesday against what was due by Tuesday, not the full week", () => {
    const tuesday = addDays(START, 8); // day 2 of week 2
    const week2 = addDays(START, 7);
    // Walking 5 days a week: 1 due by Tuesday; the 3-day exercise: 1 due by Tuesday.
    const result = planAdherence(input({ today: tuesday, itemLogs: [...ticks(2, week2, 2), ...ticks(1, week2, 0)] }));
    const week = result.weeks[1];
    expect(week).toMatchObject({ inProgress: true, itemsDone: 2, itemsPrescribed: 8, soFar: { done: 1, due: 2 }, percent: 50 });
    // The finished week before it is still read against the whole week.
    expect(result.weeks[0]).toMatchObject({ inProgress: false, soFar: null, percent: 0 });
  });

  it("says 4 of 5 on a Wednesday for a daily walk and a 3-day exercise", () => {
    const items: AdherenceInput["plan"]["items"] = [
      { id: 1, kind: "exercise", dose: exercise(3) },
      { id: 2, kind: "walking", dose: walking(7) },
    ];
    const wednesday = addDays(START, 2);
    const result = planAdherence({
      ...input({ today: wednesday }),
      plan: { startDate: START, weeks: 4, items },
      itemLogs: [...ticks(2, START, 3), ...ticks(1, START, 0)],
    });
    expect(result.weeks[0].soFar).toEqual({ done: 3, due: 4 });
    const oneMore = planAdherence({
      ...input({ today: wednesday }),
      plan: { startDate: START, weeks: 4, items },
      itemLogs: [...ticks(2, START, 3), ...ticks(1, START, 1)],
    });
    expect(oneMore.weeks[0]).toMatchObject({ soFar: { done: 4, due: 4 }, percent: 100 });
  });

  it("does not let being ahead on one item hide being behind on another", () => {
    const thursday = addDays(START, 3);
    // Exercise (3 a week) ticked 4 times, walking (5 a week) not at all: 2 + 3 due by Thursday.
    const result = planAdherence(input({ today: thursday, itemLogs: ticks(1, START, 4) }));
    expect(result.weeks[0]).toMatchObject({ soFar: { done: 2, due: 5 }, percent: 40, itemsDone: 3 });
  });

  it("has nothing due yet on the first day for an item asked once a week", () => {
    const items: AdherenceInput["plan"]["items"] = [{ id: 1, kind: "exercise", dose: exercise(1) }];
    const result = planAdherence({ ...input({ today: START }), plan: { startDate: START, weeks: 2, items } });
    expect(result.weeks[0]).toMatchObject({ soFar: { done: 0, due: 0 }, percent: null, itemsPrescribed: 1 });
  });

  it("starts the week on the clinic's date, not the server's (UTC) date", () => {
    // 03:30 UTC on Monday of week 2 is still Sunday evening in Chicago: the last day of week 1.
    const instant = new Date("2026-03-09T03:30:00Z");
    const chicago = todayIn("America/Chicago", instant);
    const utc = todayIn("UTC", instant);
    expect(chicago).toBe("2026-03-08");
    const inChicago = planAdherence(input({ today: chicago, itemLogs: ticks(2, START, 4) }));
    expect(inChicago.weeks).toHaveLength(1);
    // Day 7: the whole week is due (3 + 5), 4 walks done.
    expect(inChicago.weeks[0]).toMatchObject({ inProgress: true, soFar: { done: 4, due: 8 }, percent: 50 });
    const inUtc = planAdherence(input({ today: utc, itemLogs: ticks(2, START, 4) }));
    expect(inUtc.weeks).toHaveLength(2);
    expect(inUtc.weeks[1]).toMatchObject({ week: 2, inProgress: true, soFar: { done: 0, due: 1 } });
  });
});

describe("entries before the start", () => {
  it("keeps ticks and pain from before the start, and a high score then still flags the plan", () => {
    const today = addDays(START, -1);
    const result = planAdherence(
      input({
        today,
        itemLogs: [
          { planItemId: 1, day: addDays(START, -2) },
          { planItemId: 2, day: addDays(START, -2) },
          { planItemId: 2, day: today },
        ],
        painLogs: [{ day: today, score: 8, comment: "bad night" }],
      }),
    );
    expect(result.weeks).toEqual([]);
    expect(result.beforeStart).toEqual({ daysActive: 2, ticks: 3 });
    expect(result.pain).toEqual([{ day: today, score: 8, comment: "bad night" }]);
    expect(result.flags).toMatchObject({ highPain: true, latestPain: 8, lastLogDay: today, quiet: false });
  });

  it("still flags a high score from the day before the start once the plan has begun", () => {
    const result = planAdherence(input({ today: addDays(START, 2), painLogs: [{ day: addDays(START, -1), score: 9, comment: "" }] }));
    expect(result.flags.highPain).toBe(true);
    expect(result.weeks[0].daysActive).toBe(0);
  });
});

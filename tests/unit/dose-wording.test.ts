import { describe, expect, it } from "vitest";
import { walkingDoseSchema, type ExerciseDose, type WalkingDose } from "@/lib/dose";
import {
  daysAWeek,
  describeDose,
  describeExerciseDose,
  describeVisitPattern,
  describeWalkingDose,
  describeWalk,
  describeWalkingProgression,
  durationInWords,
  sittingBreakInterval,
  timesADay,
  walkRepeatWords,
} from "@/lib/dose-wording";

function exercise(overrides: Partial<ExerciseDose> = {}): ExerciseDose {
  return {
    sets: null,
    reps: 10,
    holdSeconds: null,
    restSeconds: null,
    side: "both",
    load: "",
    timesPerDay: 1,
    daysPerWeek: 7,
    note: "",
    ...overrides,
  };
}

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

describe("frequency words", () => {
  it("says once, then n times a day in digits", () => {
    expect(timesADay(1)).toBe("once a day");
    expect(timesADay(2)).toBe("2 times a day");
    expect(timesADay(3)).toBe("3 times a day");
    expect(timesADay(10)).toBe("10 times a day");
  });

  it("says every day for 7 and a singular day for 1", () => {
    expect(daysAWeek(7)).toBe("every day");
    expect(daysAWeek(1)).toBe("1 day a week");
    expect(daysAWeek(3)).toBe("3 days a week");
  });

  it("writes durations in minutes from 60 seconds on", () => {
    expect(durationInWords(1)).toBe("1 second");
    expect(durationInWords(45)).toBe("45 seconds");
    expect(durationInWords(60)).toBe("1 minute");
    expect(durationInWords(61)).toBe("1 minute 1 second");
    expect(durationInWords(90)).toBe("1 minute 30 seconds");
    expect(durationInWords(120)).toBe("2 minutes");
    expect(durationInWords(600)).toBe("10 minutes");
  });
});

describe("describeExerciseDose", () => {
  it("reps with a hold, in sentences that start with a verb", () => {
    expect(describeExerciseDose(exercise({ sets: null, reps: 10, holdSeconds: 5, timesPerDay: 2, daysPerWeek: 7, side: "both" }))).toBe(
      "Do 10 repeats. Hold each for 5 seconds. Do this 2 times a day, every day.",
    );
  });

  it("says rounds of repeats, never sets or reps", () => {
    const words = describeExerciseDose(exercise({ sets: 3, reps: 12, restSeconds: 60, timesPerDay: 1, daysPerWeek: 3 }));
    expect(words).toBe("Do 3 rounds of 12 repeats. Rest 1 minute between rounds. Do this once a day, 3 days a week.");
    expect(words).not.toMatch(/\bsets?\b|\breps?\b/);
  });

  it("a hold alone", () => {
    expect(describeExerciseDose(exercise({ sets: null, reps: null, holdSeconds: 30 }))).toBe("Hold for 30 seconds. Do this once a day, every day.");
  });

  it("rounds of a hold become a number of times", () => {
    expect(describeExerciseDose(exercise({ sets: 3, reps: null, holdSeconds: 20 }))).toBe(
      "Hold for 20 seconds, 3 times. Do this once a day, every day.",
    );
    expect(describeExerciseDose(exercise({ sets: 3, reps: null, holdSeconds: 20, restSeconds: 30 }))).toBe(
      "Hold for 20 seconds, 3 times. Rest 30 seconds in between. Do this once a day, every day.",
    );
  });

  it("writes long holds in minutes and seconds, never 'min' or 's'", () => {
    expect(describeExerciseDose(exercise({ reps: null, holdSeconds: 90 }))).toBe("Hold for 1 minute 30 seconds. Do this once a day, every day.");
    expect(describeExerciseDose(exercise({ reps: null, holdSeconds: 60 }))).toBe("Hold for 1 minute. Do this once a day, every day.");
    expect(describeExerciseDose(exercise({ sets: 2, reps: 5, holdSeconds: 120, restSeconds: 90 }))).not.toMatch(/\bmins?\b|\d s\b/);
  });

  it("never says '1 round of'", () => {
    expect(describeExerciseDose(exercise({ sets: 1, reps: 15 }))).toBe("Do 15 repeats. Do this once a day, every day.");
    expect(describeExerciseDose(exercise({ sets: 1, reps: null, holdSeconds: 30 }))).toBe("Hold for 30 seconds. Do this once a day, every day.");
  });

  it("uses singulars for one", () => {
    expect(describeExerciseDose(exercise({ reps: 1, holdSeconds: 1, daysPerWeek: 1 }))).toBe(
      "Do 1 repeat. Hold each for 1 second. Do this once a day, 1 day a week.",
    );
    expect(describeExerciseDose(exercise({ sets: 2, reps: 1, restSeconds: 1 }))).toBe(
      "Do 2 rounds of 1 repeat. Rest 1 second between rounds. Do this once a day, every day.",
    );
  });

  it("leaves out rest when it is 0, missing, or there is only one round", () => {
    expect(describeExerciseDose(exercise({ sets: 3, reps: 10, restSeconds: 0 }))).toBe("Do 3 rounds of 10 repeats. Do this once a day, every day.");
    expect(describeExerciseDose(exercise({ sets: 3, reps: 10, restSeconds: null }))).toBe(
      "Do 3 rounds of 10 repeats. Do this once a day, every day.",
    );
    expect(describeExerciseDose(exercise({ sets: 1, reps: 10, restSeconds: 60 }))).toBe("Do 10 repeats. Do this once a day, every day.");
    expect(describeExerciseDose(exercise({ sets: null, reps: 10, restSeconds: 60 }))).toBe("Do 10 repeats. Do this once a day, every day.");
  });

  it("names the side", () => {
    expect(describeExerciseDose(exercise({ side: "left" }))).toBe("Do 10 repeats, on the left side only. Do this once a day, every day.");
    expect(describeExerciseDose(exercise({ side: "right" }))).toBe("Do 10 repeats, on the right side only. Do this once a day, every day.");
    expect(describeExerciseDose(exercise({ side: "alternating" }))).toBe("Do 10 repeats, switching sides each time. Do this once a day, every day.");
  });

  it("says nothing about sides for a symmetric exercise and 'each side' for a one-sided one", () => {
    expect(describeExerciseDose(exercise({ side: "both" }))).toBe("Do 10 repeats. Do this once a day, every day.");
    expect(describeExerciseDose(exercise({ side: "both" }), { oneSided: false })).toBe("Do 10 repeats. Do this once a day, every day.");
    expect(describeExerciseDose(exercise({ side: "both", reps: null, holdSeconds: 30 }), { oneSided: true })).toBe(
      "Hold for 30 seconds, each side. Do this once a day, every day.",
    );
    expect(describeExerciseDose(exercise({ side: "both", sets: 2, reps: 8 }), { oneSided: true })).toBe(
      "Do 2 rounds of 8 repeats, each side. Do this once a day, every day.",
    );
    // A chosen side wins over "each side".
    expect(describeExerciseDose(exercise({ side: "left" }), { oneSided: true })).toBe(
      "Do 10 repeats, on the left side only. Do this once a day, every day.",
    );
  });

  it("adds the load when there is one", () => {
    expect(describeExerciseDose(exercise({ sets: 2, reps: 15, load: "a red band" }))).toBe(
      "Do 2 rounds of 15 repeats. Use a red band. Do this once a day, every day.",
    );
    expect(describeExerciseDose(exercise({ load: "   " }))).toBe("Do 10 repeats. Do this once a day, every day.");
  });

  it("does not include the note, which is shown separately", () => {
    expect(describeExerciseDose(exercise({ note: "Keep your back flat." }))).not.toContain("back flat");
  });
});

describe("describeWalkingDose", () => {
  it("uses the talk test", () => {
    expect(describeWalkingDose(walk())).toBe("Walk for 10 minutes. Do this once a day, 5 days a week. Go at a pace where you can talk but not sing.");
  });

  it("uses an effort score and says what it means", () => {
    expect(describeWalkingDose(walk({ intensity: "rpe", rpe: 5, sessionsPerDay: 2, daysPerWeek: 7 }))).toBe(
      "Walk for 10 minutes. Do this 2 times a day, every day. Go at an effort of 5 out of 10 (0 is resting, 10 is the hardest you can).",
    );
  });

  it("uses singulars", () => {
    expect(describeWalkingDose(walk({ minutes: 1, daysPerWeek: 1 }))).toBe(
      "Walk for 1 minute. Do this once a day, 1 day a week. Go at a pace where you can talk but not sing.",
    );
  });
});

describe("describeWalkingProgression", () => {
  it("describes a step with a cap", () => {
    expect(describeWalkingProgression(walk())).toBe("Add 5 minutes each week, up to 30 minutes.");
  });

  it("describes a step without a cap", () => {
    expect(describeWalkingProgression(walk({ capMinutes: null }))).toBe("Add 5 minutes each week.");
    expect(describeWalkingProgression(walk({ stepMinutes: 1, capMinutes: null }))).toBe("Add 1 minute each week.");
  });

  it("keeps the same length without a step, or when the walk already starts at the cap", () => {
    expect(describeWalkingProgression(walk({ stepMinutes: null }))).toBe("Keep the same length each week.");
    expect(describeWalkingProgression(walk({ stepMinutes: 0 }))).toBe("Keep the same length each week.");
    expect(describeWalkingProgression(walk({ minutes: 30, capMinutes: 30 }))).toBe("Keep the same length each week.");
  });
});

describe("describeVisitPattern", () => {
  it("describes phases in order", () => {
    expect(
      describeVisitPattern({
        spans: [
          { perWeek: 3, weeks: 2 },
          { perWeek: 2, weeks: 4 },
        ],
      }),
    ).toBe("Come in 3 times a week for 2 weeks, then 2 times a week for 4 weeks.");
  });

  it("uses singulars", () => {
    expect(describeVisitPattern({ spans: [{ perWeek: 1, weeks: 1 }] })).toBe("Come in once a week for 1 week.");
    expect(
      describeVisitPattern({
        spans: [
          { perWeek: 3, weeks: 4 },
          { perWeek: 2, weeks: 4 },
          { perWeek: 1, weeks: 1 },
        ],
      }),
    ).toBe("Come in 3 times a week for 4 weeks, then 2 times a week for 4 weeks, then once a week for 1 week.");
  });
});

describe("sitting breaks as an interval", () => {
  const sittingBreak = walk({ minutes: 3, sessionsPerDay: 1, daysPerWeek: 5, stepMinutes: null, capMinutes: null, breakEveryMinutes: 30 });

  it("says how often the break comes round while sitting, not a number of walks a day", () => {
    expect(describeWalkingDose(sittingBreak)).toBe(
      "Walk for 3 minutes. Do this every 30 minutes while you sit, 5 days a week. Go at a pace where you can talk but not sing.",
    );
    expect(sittingBreakInterval(45)).toBe("every 45 minutes while you sit");
  });

  it("is one wording for every reader (describeDose), without a 'same length each week' line", () => {
    const item = { kind: "walking" as const, dose: sittingBreak, entry: { oneSided: false } };
    expect(describeDose(item)).toBe(describeWalkingDose(sittingBreak));
    expect(describeDose(item)).not.toMatch(/times a day|each week/);
    expect(describeWalk({ ...sittingBreak, stepMinutes: 1, capMinutes: 5 })).toContain("Add 1 minute each week, up to 5 minutes.");
  });

  it("keeps the old wording for walks without an interval (issued documents have no such field)", () => {
    const old = Object.fromEntries(Object.entries(sittingBreak).filter(([key]) => key !== "breakEveryMinutes")) as WalkingDose;
    // A walk frozen in a version issued before the field existed still passes the schema.
    expect(walkingDoseSchema.parse({ ...old, sessionsPerDay: 8 })).not.toHaveProperty("breakEveryMinutes");
    expect(describeWalkingDose({ ...old, sessionsPerDay: 8 })).toContain("Do this 8 times a day, 5 days a week.");
    expect(walkRepeatWords(old, 8)).toBe(", 8 times");
    expect(walkRepeatWords(sittingBreak, 1)).toBe(", every 30 minutes while you sit");
  });
});

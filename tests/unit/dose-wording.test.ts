import { describe, expect, it } from "vitest";
import type { ExerciseDose, WalkingDose } from "@/lib/dose";
import {
  daysAWeek,
  describeExerciseDose,
  describeVisitPattern,
  describeWalkingDose,
  describeWalkingProgression,
  durationInWords,
  timesADay,
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
  it("says once, twice, then n times a day", () => {
    expect(timesADay(1)).toBe("once a day");
    expect(timesADay(2)).toBe("twice a day");
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
  it("reps with a hold", () => {
    expect(describeExerciseDose(exercise({ sets: null, reps: 10, holdSeconds: 5, timesPerDay: 2, daysPerWeek: 7, side: "both" }))).toBe(
      "10 times, hold 5 seconds, twice a day, every day",
    );
  });

  it("sets of reps with rest between sets", () => {
    expect(describeExerciseDose(exercise({ sets: 3, reps: 12, restSeconds: 60, timesPerDay: 1, daysPerWeek: 3 }))).toBe(
      "3 sets of 12, rest 1 minute between sets, once a day, 3 days a week",
    );
  });

  it("a hold alone", () => {
    expect(describeExerciseDose(exercise({ sets: null, reps: null, holdSeconds: 30 }))).toBe("hold 30 seconds, once a day, every day");
  });

  it("sets of a hold become a number of times", () => {
    expect(describeExerciseDose(exercise({ sets: 3, reps: null, holdSeconds: 20 }))).toBe("3 times, hold 20 seconds, once a day, every day");
    expect(describeExerciseDose(exercise({ sets: 3, reps: null, holdSeconds: 20, restSeconds: 30 }))).toBe(
      "3 times, hold 20 seconds, rest 30 seconds in between, once a day, every day",
    );
  });

  it("writes long holds in minutes and seconds", () => {
    expect(describeExerciseDose(exercise({ reps: null, holdSeconds: 90 }))).toBe("hold 1 minute 30 seconds, once a day, every day");
    expect(describeExerciseDose(exercise({ reps: null, holdSeconds: 60 }))).toBe("hold 1 minute, once a day, every day");
  });

  it("never says '1 set of'", () => {
    expect(describeExerciseDose(exercise({ sets: 1, reps: 15 }))).toBe("15 times, once a day, every day");
    expect(describeExerciseDose(exercise({ sets: 1, reps: null, holdSeconds: 30 }))).toBe("hold 30 seconds, once a day, every day");
  });

  it("uses singulars for one", () => {
    expect(describeExerciseDose(exercise({ reps: 1, holdSeconds: 1, daysPerWeek: 1 }))).toBe("1 time, hold 1 second, once a day, 1 day a week");
    expect(describeExerciseDose(exercise({ sets: 2, reps: 1, restSeconds: 1 }))).toBe(
      "2 sets of 1, rest 1 second between sets, once a day, every day",
    );
  });

  it("leaves out rest when it is 0, missing, or there is only one set", () => {
    expect(describeExerciseDose(exercise({ sets: 3, reps: 10, restSeconds: 0 }))).toBe("3 sets of 10, once a day, every day");
    expect(describeExerciseDose(exercise({ sets: 3, reps: 10, restSeconds: null }))).toBe("3 sets of 10, once a day, every day");
    expect(describeExerciseDose(exercise({ sets: 1, reps: 10, restSeconds: 60 }))).toBe("10 times, once a day, every day");
    expect(describeExerciseDose(exercise({ sets: null, reps: 10, restSeconds: 60 }))).toBe("10 times, once a day, every day");
  });

  it("names the side", () => {
    expect(describeExerciseDose(exercise({ side: "left" }))).toBe("10 times, left side only, once a day, every day");
    expect(describeExerciseDose(exercise({ side: "right" }))).toBe("10 times, right side only, once a day, every day");
    expect(describeExerciseDose(exercise({ side: "alternating" }))).toBe("10 times, alternate sides, once a day, every day");
  });

  it("says nothing about sides for a symmetric exercise and 'each side' for a one-sided one", () => {
    expect(describeExerciseDose(exercise({ side: "both" }))).toBe("10 times, once a day, every day");
    expect(describeExerciseDose(exercise({ side: "both" }), { oneSided: false })).toBe("10 times, once a day, every day");
    expect(describeExerciseDose(exercise({ side: "both", reps: null, holdSeconds: 30 }), { oneSided: true })).toBe(
      "hold 30 seconds, each side, once a day, every day",
    );
    // A chosen side wins over "each side".
    expect(describeExerciseDose(exercise({ side: "left" }), { oneSided: true })).toBe("10 times, left side only, once a day, every day");
  });

  it("adds the load when there is one", () => {
    expect(describeExerciseDose(exercise({ sets: 2, reps: 15, load: "red band" }))).toBe("2 sets of 15, with red band, once a day, every day");
    expect(describeExerciseDose(exercise({ load: "   " }))).toBe("10 times, once a day, every day");
  });

  it("does not include the note, which is shown separately", () => {
    expect(describeExerciseDose(exercise({ note: "Keep your back flat." }))).not.toContain("back flat");
  });
});

describe("describeWalkingDose", () => {
  it("uses the talk test", () => {
    expect(describeWalkingDose(walk())).toBe("Walk 10 minutes, once a day, 5 days a week, at a pace where you can talk but not sing");
  });

  it("uses an effort score", () => {
    expect(describeWalkingDose(walk({ intensity: "rpe", rpe: 5, sessionsPerDay: 2, daysPerWeek: 7 }))).toBe(
      "Walk 10 minutes, twice a day, every day, at an effort of 5 out of 10",
    );
  });

  it("uses singulars", () => {
    expect(describeWalkingDose(walk({ minutes: 1, daysPerWeek: 1 }))).toBe(
      "Walk 1 minute, once a day, 1 day a week, at a pace where you can talk but not sing",
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
    ).toBe("3 visits a week for 2 weeks, then 2 a week for 4 weeks");
  });

  it("uses singulars", () => {
    expect(describeVisitPattern({ spans: [{ perWeek: 1, weeks: 1 }] })).toBe("1 visit a week for 1 week");
    expect(
      describeVisitPattern({
        spans: [
          { perWeek: 3, weeks: 4 },
          { perWeek: 2, weeks: 4 },
          { perWeek: 1, weeks: 1 },
        ],
      }),
    ).toBe("3 visits a week for 4 weeks, then 2 a week for 4 weeks, then 1 a week for 1 week");
  });
});

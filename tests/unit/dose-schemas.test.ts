import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  doseSchemaByKind,
  educationDoseSchema,
  exerciseDoseSchema,
  itemKinds,
  visitDoseSchema,
  visitPatternWeeks,
  visitSpanSchema,
  walkingDoseSchema,
  type ExerciseDose,
  type VisitDose,
  type WalkingDose,
} from "@/lib/dose";

/** Each refusal as "path: message", so a test names both where and what. */
function refusals(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

const exercise: ExerciseDose = {
  sets: 3,
  reps: 12,
  holdSeconds: null,
  restSeconds: 60,
  side: "both",
  load: "red band",
  timesPerDay: 1,
  daysPerWeek: 3,
  note: "Keep your back flat.",
};

const walking: WalkingDose = {
  minutes: 10,
  sessionsPerDay: 1,
  daysPerWeek: 5,
  intensity: "talk-test",
  rpe: null,
  stepMinutes: 5,
  capMinutes: 30,
  note: "Flat ground, supportive shoes.",
};

const visit: VisitDose = {
  visitType: "chiropractic-adjustment",
  spans: [
    { perWeek: 3, weeks: 2 },
    { perWeek: 2, weeks: 4 },
  ],
  note: "",
};

describe("exerciseDoseSchema", () => {
  it("accepts reps, hold-only and reps-with-hold doses", () => {
    expect(exerciseDoseSchema.parse(exercise)).toEqual(exercise);
    expect(refusals(exerciseDoseSchema, { ...exercise, sets: null, reps: null, holdSeconds: 30, restSeconds: null })).toEqual([]);
    expect(refusals(exerciseDoseSchema, { ...exercise, sets: null, reps: 10, holdSeconds: 5, side: "left" })).toEqual([]);
  });

  it("trims the load and the note", () => {
    const parsed = exerciseDoseSchema.parse({ ...exercise, load: "  2 kg ", note: " Slowly. " });
    expect(parsed.load).toBe("2 kg");
    expect(parsed.note).toBe("Slowly.");
  });

  it("refuses negative reps", () => {
    expect(refusals(exerciseDoseSchema, { ...exercise, reps: -1 })).toEqual(["reps: Reps must be at least 1."]);
  });

  it("refuses 500 sets", () => {
    expect(refusals(exerciseDoseSchema, { ...exercise, sets: 500 })).toEqual(["sets: Sets can be at most 10."]);
  });

  it("refuses a dose with neither reps nor a hold", () => {
    expect(refusals(exerciseDoseSchema, { ...exercise, reps: null, holdSeconds: null })).toEqual([
      "reps: Give a number of reps, a hold time, or both.",
    ]);
  });

  it("refuses fractions, out-of-range holds, rest, frequency and an unknown side", () => {
    expect(refusals(exerciseDoseSchema, { ...exercise, reps: 2.5 })).toEqual(["reps: Reps must be a whole number."]);
    expect(refusals(exerciseDoseSchema, { ...exercise, holdSeconds: 601 })).toEqual(["holdSeconds: Hold can be at most 600 seconds."]);
    expect(refusals(exerciseDoseSchema, { ...exercise, restSeconds: -5 })).toEqual(["restSeconds: Rest must be at least 0 seconds."]);
    expect(refusals(exerciseDoseSchema, { ...exercise, timesPerDay: 0 })).toEqual(["timesPerDay: Times per day must be at least 1."]);
    expect(refusals(exerciseDoseSchema, { ...exercise, daysPerWeek: 8 })).toEqual(["daysPerWeek: Days per week can be at most 7."]);
    expect(refusals(exerciseDoseSchema, { ...exercise, side: "top" })).toEqual(["side: Choose a side: both, left, right or alternating."]);
    expect(refusals(exerciseDoseSchema, { ...exercise, sets: "3" })).toEqual(["sets: Sets must be a number."]);
  });

  it("refuses a load or note that is too long", () => {
    expect(refusals(exerciseDoseSchema, { ...exercise, load: "x".repeat(41) })).toEqual(["load: Keep the load under 40 characters."]);
    expect(refusals(exerciseDoseSchema, { ...exercise, note: "x".repeat(501) })).toEqual(["note: Keep the note under 500 characters."]);
  });
});

describe("walkingDoseSchema", () => {
  it("accepts talk-test and effort-score walks, with or without progression", () => {
    expect(walkingDoseSchema.parse(walking)).toEqual(walking);
    expect(refusals(walkingDoseSchema, { ...walking, intensity: "rpe", rpe: 5 })).toEqual([]);
    expect(refusals(walkingDoseSchema, { ...walking, stepMinutes: null, capMinutes: null })).toEqual([]);
    expect(refusals(walkingDoseSchema, { ...walking, minutes: 30, capMinutes: 30 })).toEqual([]);
  });

  it("refuses a 900-minute walk", () => {
    expect(refusals(walkingDoseSchema, { ...walking, minutes: 900, capMinutes: null })).toEqual([
      "minutes: Minutes per session can be at most 180 minutes.",
    ]);
  });

  it("refuses a cap shorter than the first walk", () => {
    expect(refusals(walkingDoseSchema, { ...walking, minutes: 20, capMinutes: 15 })).toEqual([
      "capMinutes: The longest walk cannot be shorter than the first one.",
    ]);
  });

  it("refuses an effort-score walk without a score", () => {
    expect(refusals(walkingDoseSchema, { ...walking, intensity: "rpe", rpe: null })).toEqual(["rpe: Give an effort score from 0 to 10."]);
  });

  it("refuses out-of-range scores, steps and an unknown intensity", () => {
    expect(refusals(walkingDoseSchema, { ...walking, intensity: "rpe", rpe: 11 })).toEqual(["rpe: Effort score can be at most 10."]);
    expect(refusals(walkingDoseSchema, { ...walking, stepMinutes: 31 })).toEqual(["stepMinutes: Weekly increase can be at most 30 minutes."]);
    expect(refusals(walkingDoseSchema, { ...walking, sessionsPerDay: 0 })).toEqual(["sessionsPerDay: Sessions per day must be at least 1."]);
    expect(refusals(walkingDoseSchema, { ...walking, intensity: "brisk" })).toEqual(["intensity: Choose the talk test or an effort score."]);
  });
});

describe("visitSpanSchema", () => {
  it("accepts a span within bounds", () => {
    expect(visitSpanSchema.parse({ perWeek: 7, weeks: 52 })).toEqual({ perWeek: 7, weeks: 52 });
  });

  it("refuses zero visits, zero weeks and more than a year", () => {
    expect(refusals(visitSpanSchema, { perWeek: 0, weeks: 2 })).toEqual(["perWeek: Visits per week must be at least 1."]);
    expect(refusals(visitSpanSchema, { perWeek: 8, weeks: 2 })).toEqual(["perWeek: Visits per week can be at most 7."]);
    expect(refusals(visitSpanSchema, { perWeek: 2, weeks: 0 })).toEqual(["weeks: Weeks must be at least 1."]);
    expect(refusals(visitSpanSchema, { perWeek: 2, weeks: 53 })).toEqual(["weeks: Weeks can be at most 52."]);
  });
});

describe("visitDoseSchema", () => {
  it("accepts a phased pattern and exactly 8 spans", () => {
    expect(visitDoseSchema.parse(visit)).toEqual(visit);
    expect(refusals(visitDoseSchema, { ...visit, spans: Array.from({ length: 8 }, () => ({ perWeek: 1, weeks: 1 })) })).toEqual([]);
  });

  it("refuses more than 8 spans", () => {
    expect(refusals(visitDoseSchema, { ...visit, spans: Array.from({ length: 9 }, () => ({ perWeek: 1, weeks: 1 })) })).toEqual([
      "spans: At most 8 spans.",
    ]);
  });

  it("refuses no spans, a bad span and an unknown visit type, each on its own path", () => {
    expect(refusals(visitDoseSchema, { ...visit, spans: [] })).toEqual(["spans: Add at least one span of visits."]);
    expect(
      refusals(visitDoseSchema, {
        ...visit,
        spans: [
          { perWeek: 3, weeks: 2 },
          { perWeek: 2, weeks: -1 },
        ],
      }),
    ).toEqual(["spans.1.weeks: Weeks must be at least 1."]);
    expect(refusals(visitDoseSchema, { ...visit, visitType: "acupuncture" })).toEqual(["visitType: Choose a visit type."]);
  });

  it("adds up the weeks a pattern covers", () => {
    expect(visitPatternWeeks(visit)).toBe(6);
  });
});

describe("educationDoseSchema", () => {
  it("accepts a note and refuses one that is too long", () => {
    expect(educationDoseSchema.parse({ note: " Stand up every 30 minutes. " })).toEqual({ note: "Stand up every 30 minutes." });
    expect(refusals(educationDoseSchema, { note: "x".repeat(501) })).toEqual(["note: Keep the note under 500 characters."]);
  });
});

describe("doseSchemaByKind", () => {
  it("has a schema for every item kind, matching the kind's own", () => {
    expect(Object.keys(doseSchemaByKind).sort()).toEqual([...itemKinds].sort());
    expect(doseSchemaByKind.exercise.safeParse(exercise).success).toBe(true);
    expect(doseSchemaByKind.walking.safeParse(walking).success).toBe(true);
    expect(doseSchemaByKind.visit.safeParse(visit).success).toBe(true);
    expect(doseSchemaByKind.education.safeParse({ note: "" }).success).toBe(true);
    expect(doseSchemaByKind.walking.safeParse(exercise).success).toBe(false);
  });
});

import "@/lib/zod-browser";
import { z } from "zod";
import { fieldWords } from "./zod-bounds";

/**
 * Dose schemas for the four kinds of plan item. Shared by the plan editor
 * (client-side hints) and the server actions (the real check), so the two
 * can never drift apart.
 */

export const itemKinds = ["exercise", "walking", "visit", "education"] as const;
export type ItemKind = (typeof itemKinds)[number];

export const sides = ["both", "left", "right", "alternating"] as const;
export type Side = (typeof sides)[number];

export const intensities = ["talk-test", "rpe"] as const;

export const visitTypes = ["chiropractic-adjustment", "physical-therapy", "re-assessment", "massage"] as const;
export type VisitType = (typeof visitTypes)[number];

export const visitTypeLabels: Record<VisitType, string> = {
  "chiropractic-adjustment": "Chiropractic adjustment",
  "physical-therapy": "Physical-therapy session",
  "re-assessment": "Re-assessment",
  massage: "Massage therapy",
};

/** Clinically sane bounds; anything outside them is almost certainly a typo. */
export const limits = {
  sets: { min: 1, max: 10 },
  reps: { min: 1, max: 100 },
  holdSeconds: { min: 1, max: 600 },
  restSeconds: { min: 0, max: 600 },
  timesPerDay: { min: 1, max: 10 },
  daysPerWeek: { min: 1, max: 7 },
  walkMinutes: { min: 1, max: 180 },
  walkStep: { min: 0, max: 30 },
  sessionsPerDay: { min: 1, max: 10 },
  breakEveryMinutes: { min: 10, max: 120 },
  rpe: { min: 0, max: 10 },
  visitsPerWeek: { min: 1, max: 7 },
  spanWeeks: { min: 1, max: 52 },
  spans: { max: 8 },
  planWeeks: { min: 1, max: 52 },
  note: { max: 500 },
  load: { max: 40 },
} as const;

/** Whole number within bounds, with messages a clinician can act on. */
function wholeNumber(label: string, bounds: { min: number; max: number }, unit = "") {
  const u = unit ? ` ${unit}` : "";
  return z
    .number({ error: `${label} must be a number.` })
    .int({ error: `${label} must be a whole number.` })
    .min(bounds.min, { error: `${label} must be at least ${bounds.min}${u}.` })
    .max(bounds.max, { error: `${label} can be at most ${bounds.max}${u}.` })
    .register(fieldWords, { label, unit: unit || undefined });
}

const note = z
  .string()
  .trim()
  .max(limits.note.max, { error: `Keep the note under ${limits.note.max} characters.` });

export const exerciseDoseSchema = z
  .object({
    sets: wholeNumber("Sets", limits.sets).nullable(),
    reps: wholeNumber("Reps", limits.reps).nullable(),
    holdSeconds: wholeNumber("Hold", limits.holdSeconds, "seconds").nullable(),
    restSeconds: wholeNumber("Rest", limits.restSeconds, "seconds").nullable(),
    side: z.enum(sides, { error: "Choose a side: both, left, right or alternating." }),
    load: z
      .string()
      .trim()
      .max(limits.load.max, { error: `Keep the load under ${limits.load.max} characters.` }),
    timesPerDay: wholeNumber("Times per day", limits.timesPerDay),
    daysPerWeek: wholeNumber("Days per week", limits.daysPerWeek),
    note,
  })
  .refine((d) => d.reps !== null || d.holdSeconds !== null, {
    error: "Give a number of reps, a hold time, or both.",
    path: ["reps"],
  });
export type ExerciseDose = z.infer<typeof exerciseDoseSchema>;

/** "Apply to all exercises": the one field it sets, checked as the exercise dose checks it. */
export const exerciseDaysSchema = z.object({ daysPerWeek: exerciseDoseSchema.shape.daysPerWeek });

export const walkingDoseSchema = z
  .object({
    minutes: wholeNumber("Minutes per session", limits.walkMinutes, "minutes"),
    sessionsPerDay: wholeNumber("Sessions per day", limits.sessionsPerDay),
    daysPerWeek: wholeNumber("Days per week", limits.daysPerWeek),
    intensity: z.enum(intensities, { error: "Choose the talk test or an effort score." }),
    rpe: wholeNumber("Effort score", limits.rpe).nullable(),
    /** Minutes added each week; 0 or null keeps the walk the same length. */
    stepMinutes: wholeNumber("Weekly increase", limits.walkStep, "minutes").nullable(),
    /** Longest the walk grows to. */
    capMinutes: wholeNumber("Longest walk", limits.walkMinutes, "minutes").nullable(),
    /**
     * Walk breaks taken every so many minutes of sitting ("every 30 minutes while
     * you sit") instead of a set number of walks a day; sessionsPerDay is then not
     * used. Optional: documents issued before it existed leave it out.
     */
    breakEveryMinutes: wholeNumber("Break every", limits.breakEveryMinutes, "minutes").nullable().optional(),
    note,
  })
  .refine((d) => d.intensity !== "rpe" || d.rpe !== null, {
    error: "Give an effort score from 0 to 10.",
    path: ["rpe"],
  })
  .refine((d) => d.capMinutes === null || d.capMinutes >= d.minutes, {
    error: "The longest walk cannot be shorter than the first one.",
    path: ["capMinutes"],
  });
export type WalkingDose = z.infer<typeof walkingDoseSchema>;

export const visitSpanSchema = z.object({
  perWeek: wholeNumber("Visits per week", limits.visitsPerWeek),
  weeks: wholeNumber("Weeks", limits.spanWeeks),
});
export type VisitSpan = z.infer<typeof visitSpanSchema>;

export const visitDoseSchema = z.object({
  visitType: z.enum(visitTypes, { error: "Choose a visit type." }),
  spans: z
    .array(visitSpanSchema)
    .min(1, { error: "Add at least one span of visits." })
    .max(limits.spans.max, { error: `At most ${limits.spans.max} spans.` }),
  note,
});
export type VisitDose = z.infer<typeof visitDoseSchema>;

export const educationDoseSchema = z.object({ note });
export type EducationDose = z.infer<typeof educationDoseSchema>;

/** Two doses say the same thing, whatever order their fields came in (e.g. from the browser's cache). */
export function sameDose(a: unknown, b: unknown): boolean {
  const stable = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(stable)
      : v && typeof v === "object"
        ? Object.fromEntries(
            Object.entries(v)
              .sort(([x], [y]) => (x < y ? -1 : 1))
              .map(([k, x]) => [k, stable(x)]),
          )
        : v;
  return JSON.stringify(stable(a)) === JSON.stringify(stable(b));
}

export const doseSchemaByKind = {
  exercise: exerciseDoseSchema,
  walking: walkingDoseSchema,
  visit: visitDoseSchema,
  education: educationDoseSchema,
} as const;

export type DoseByKind = {
  exercise: ExerciseDose;
  walking: WalkingDose;
  visit: VisitDose;
  education: EducationDose;
};
export type AnyDose = DoseByKind[ItemKind];

/** The walk is a break taken every so many minutes of sitting, not set walks a day. */
export function isSittingBreak(dose: Pick<WalkingDose, "breakEveryMinutes">): dose is { breakEveryMinutes: number } {
  return typeof dose.breakEveryMinutes === "number";
}

/** Total weeks a visit pattern covers. */
export function visitPatternWeeks(dose: Pick<VisitDose, "spans">): number {
  return dose.spans.reduce((sum, s) => sum + s.weeks, 0);
}

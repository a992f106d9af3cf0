import type { ExerciseDose, VisitDose, WalkingDose } from "@/lib/dose";
import { PLAN_DOCUMENT_FORMAT, type ItemOfKind, type PlanDocument } from "@/lib/plan-document";

/** Small, valid plan documents for unit tests; each helper takes overrides. */

const snapshot = {
  libraryEntryId: null,
  slug: null,
  summary: "",
  steps: ["Do it slowly."],
  cautions: [],
  illustration: null,
  illustrationAlt: "",
  oneSided: false,
  plainName: "",
  bodyRegions: [],
};

export const exerciseDose = (d: Partial<ExerciseDose> = {}): ExerciseDose => ({
  sets: null,
  reps: 10,
  holdSeconds: null,
  restSeconds: null,
  side: "both",
  load: "",
  timesPerDay: 1,
  daysPerWeek: 7,
  note: "",
  ...d,
});

export const walkingDose = (d: Partial<WalkingDose> = {}): WalkingDose => ({
  minutes: 10,
  sessionsPerDay: 1,
  daysPerWeek: 5,
  intensity: "talk-test",
  rpe: null,
  stepMinutes: 5,
  capMinutes: 30,
  note: "",
  ...d,
});

export const visitDose = (d: Partial<VisitDose> = {}): VisitDose => ({
  visitType: "physical-therapy",
  spans: [{ perWeek: 2, weeks: 2 }],
  note: "",
  ...d,
});

export function exercise(itemId: number | null, name: string, dose: Partial<ExerciseDose> = {}, oneSided = false): ItemOfKind<"exercise"> {
  return { kind: "exercise", itemId, dose: exerciseDose(dose), entry: { ...snapshot, name, category: "stretch", oneSided } };
}

export function walk(itemId: number | null, dose: Partial<WalkingDose> = {}): ItemOfKind<"walking"> {
  return { kind: "walking", itemId, dose: walkingDose(dose), entry: { ...snapshot, name: "Walking", category: "walking" } };
}

export function visit(itemId: number | null, dose: Partial<VisitDose> = {}): ItemOfKind<"visit"> {
  return { kind: "visit", itemId, dose: visitDose(dose), entry: { ...snapshot, name: "Physical-therapy session", category: "visit" } };
}

export function tip(itemId: number | null, name = "Supportive footwear"): ItemOfKind<"education"> {
  return { kind: "education", itemId, dose: { note: "" }, entry: { ...snapshot, name, category: "education", summary: "Good shoes help." } };
}

export function planDocument(d: Partial<PlanDocument> = {}): PlanDocument {
  return {
    format: PLAN_DOCUMENT_FORMAT,
    title: "Low back plan",
    goal: "Walk the dog for 30 minutes",
    startDate: "2026-03-02",
    weeks: 6,
    precautions: "",
    items: [
      walk(1),
      exercise(2, "Knee-to-chest stretch", { reps: null, holdSeconds: 30 }, true),
      exercise(3, "Glute bridge", { sets: 2, reps: 10 }),
      visit(4),
      tip(5),
    ],
    ...d,
  };
}

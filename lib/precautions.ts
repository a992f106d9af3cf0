import type { WalkingDose } from "./dose";

/**
 * Precautions a clinician records on a patient, and the rule for which plan
 * items conflict with them (DOMAIN.md, "Precautions that change what is safe").
 */
export const precautionKinds = [
  "osteoporosis",
  "pregnancy",
  "spine-surgery",
  "hip-replacement",
  "spinal-stenosis",
  "blood-thinners",
  "fall-risk",
  "heart-condition",
] as const;
export type PrecautionKind = (typeof precautionKinds)[number];

export const precautionLabels: Record<PrecautionKind, string> = {
  osteoporosis: "Osteoporosis or low bone density",
  pregnancy: "Pregnancy",
  "spine-surgery": "Recent spine surgery",
  "hip-replacement": "Hip replacement",
  "spinal-stenosis": "Spinal stenosis",
  "blood-thinners": "Blood thinners",
  "fall-risk": "Balance problems or fall risk",
  "heart-condition": "Heart condition",
};

/**
 * Why an exercise that lists a precaution is a concern, in words the
 * therapist reads on the item. Written for staff, not for the patient.
 */
export const conflictReasons: Record<PrecautionKind, string> = {
  osteoporosis: "bending the spine forward or twisting it under load can add to the risk of a spine fracture with low bone density",
  pregnancy: "lying flat on the back after about 20 weeks, lying face down, and hard abdominal holds are usually avoided in pregnancy",
  "spine-surgery": "the surgeon's limits on bending, lifting and twisting come first after recent spine surgery",
  "hip-replacement": "deep hip bending past 90 degrees, crossing the legs and turning the leg in or out can dislocate a new hip",
  "spinal-stenosis": "bending the low back backward narrows the spinal canal and often brings on leg symptoms with stenosis",
  "blood-thinners": "firm pressure and falls bruise and bleed more easily on blood thinners",
  "fall-risk": "standing on one leg, kneeling up and getting down to the floor need support with balance problems",
  "heart-condition": "hard efforts and breath holding raise heart rate and blood pressure quickly",
};

/** One precaution an item conflicts with, and why. */
export type PrecautionConflict = { precaution: PrecautionKind; label: string; reason: string };

/**
 * The precautions a patient has that a library entry lists as conflicts.
 * Order follows `precautionKinds` so the warning reads the same each time.
 */
export function itemConflicts(entryConflicts: readonly PrecautionKind[], patientPrecautions: readonly PrecautionKind[]): PrecautionConflict[] {
  const mine = new Set(patientPrecautions);
  const theirs = new Set(entryConflicts);
  return precautionKinds
    .filter((p) => mine.has(p) && theirs.has(p))
    .map((p) => ({ precaution: p, label: precautionLabels[p], reason: conflictReasons[p] }));
}

/** The warning in one sentence: "Conflicts with Pregnancy: lying flat ...". */
export function describeConflicts(conflicts: readonly PrecautionConflict[]): string {
  return conflicts.map((c) => `${c.label}: ${c.reason}.`).join(" ");
}

/** Precautions for which a walk should grow more gently than the library's default. */
export const gentleWalkingPrecautions: readonly PrecautionKind[] = ["fall-risk", "heart-condition"];
/** Minutes added per week for those patients. */
export const GENTLE_WALK_STEP_MINUTES = 2;

/** Patients with balance or heart precautions start on a walk that grows more gently (DOMAIN.md). */
export function gentlerWalkFor(dose: WalkingDose, precautions: readonly PrecautionKind[]): WalkingDose {
  if (!precautions.some((p) => gentleWalkingPrecautions.includes(p))) return dose;
  if (dose.stepMinutes === null || dose.stepMinutes <= GENTLE_WALK_STEP_MINUTES) return dose;
  return { ...dose, stepMinutes: GENTLE_WALK_STEP_MINUTES };
}

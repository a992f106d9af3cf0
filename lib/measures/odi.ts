import { bandOf, type Band } from "./bands";

/**
 * Oswestry Disability Index, version 2.1a.
 * Source: Fairbank JCT, Pynsent PB. The Oswestry Disability Index. Spine
 * 2000;25(22):2940-2953 (scoring and interpretation tables).
 * Ten sections, each 0-5. Percent = sum × 100 / (5 × answered sections).
 * Up to two sections may be left out; with more there is no score.
 * The section wording is copyrighted: Stride ships only these names.
 */
export const odiSections = [
  "Pain intensity",
  "Personal care",
  "Lifting",
  "Walking",
  "Sitting",
  "Standing",
  "Sleeping",
  "Sex life",
  "Social life",
  "Travelling",
] as const;

export const ODI_MAX_MISSING = 2;

export const odiBands: readonly Band[] = [
  { upTo: 20, label: "Minimal disability" },
  { upTo: 40, label: "Moderate disability" },
  { upTo: 60, label: "Severe disability" },
  { upTo: 80, label: "Crippling back pain" },
  { upTo: 100, label: "Bed-bound" },
];

export type OdiAnswers = (number | null)[];

/** Percent 0-100 at full precision, or null when more than two sections are missing. */
export function scoreOdi(answers: OdiAnswers): number | null {
  const answered = answers.filter((a): a is number => a !== null);
  if (answers.length - answered.length > ODI_MAX_MISSING || answered.length === 0) return null;
  const sum = answered.reduce((s, a) => s + a, 0);
  // Multiply first: 7 / 50 * 100 is 14.000000000000002 in floating point, 7 * 100 / 50 is 14.
  return (sum * 100) / (5 * answered.length);
}

export function odiBand(percent: number): string {
  return bandOf(percent, odiBands);
}

import { bandOf, type Band } from "./bands";

/**
 * Neck Disability Index.
 * Source: Vernon H, Mior S. The Neck Disability Index: a study of reliability
 * and validity. J Manipulative Physiol Ther 1991;14(7):409-415; and Vernon H.
 * The Neck Disability Index: state-of-the-art, 1991-2008. JMPT 2008;31(7):491-502
 * (missing items: the mean of the answered items, at most two; bands on the raw score).
 * Ten items, each 0-5; raw 0-50; percent = raw × 2.
 * The item wording is copyrighted: Stride ships only these names.
 */
export const ndiSections = [
  "Pain intensity",
  "Personal care",
  "Lifting",
  "Reading",
  "Headaches",
  "Concentration",
  "Work",
  "Driving",
  "Sleeping",
  "Recreation",
] as const;

export const NDI_MAX_MISSING = 2;

export const ndiBands: readonly Band[] = [
  { upTo: 4, label: "No disability" },
  { upTo: 14, label: "Mild disability" },
  { upTo: 24, label: "Moderate disability" },
  { upTo: 34, label: "Severe disability" },
  { upTo: 50, label: "Complete disability" },
];

/** Raw score 0-50 at full precision (missing items take the answered items' mean), or null past two missing. */
export function scoreNdi(answers: (number | null)[]): number | null {
  const answered = answers.filter((a): a is number => a !== null);
  if (answers.length - answered.length > NDI_MAX_MISSING || answered.length === 0) return null;
  const sum = answered.reduce((s, a) => s + a, 0);
  // sum + missing × (sum / n) = sum × 10 / n, multiplied before dividing.
  return (sum * answers.length) / answered.length;
}

export function ndiPercent(raw: number): number {
  return raw * 2;
}

export function ndiBand(raw: number): string {
  return bandOf(raw, ndiBands);
}

import { bandOf, type Band } from "./bands";

/**
 * Pain numeric rating scale (NPRS), 0-10 whole numbers.
 * Source: Farrar JT et al. Clinical importance of changes in chronic pain
 * intensity measured on an 11-point numerical pain rating scale. Pain
 * 2001;94(2):149-158 (2 points or 30 %); bands as commonly used in practice
 * (0 none, 1-3 mild, 4-6 moderate, 7-10 severe).
 */
export const nprsBands: readonly Band[] = [
  { upTo: 0, label: "No pain" },
  { upTo: 3, label: "Mild pain" },
  { upTo: 6, label: "Moderate pain" },
  { upTo: 10, label: "Severe pain" },
];

export function scoreNprs(answers: { pain: number }): number {
  return answers.pain;
}

export function nprsBand(score: number): string {
  return bandOf(score, nprsBands);
}

/**
 * Patient-Specific Functional Scale: the mean of 1 to 5 activity ratings, each 0-10.
 * Source: Stratford P et al. Assessing disability and change on individual
 * patients: a report of a patient specific measure. Physiotherapy Canada
 * 1995;47(4):258-263 (mean score; 2 points as the important change).
 */
export function scorePsfs(answers: { activities: { activity: string; rating: number }[] }): number {
  const ratings = answers.activities.map((a) => a.rating);
  return ratings.reduce((s, r) => s + r, 0) / ratings.length;
}

/**
 * Roland-Morris Disability Questionnaire, 24 statements: the score is how many are ticked.
 * Source: Roland M, Morris R. A study of the natural history of back pain.
 * Spine 1983;8(2):141-144; important change 5 points or 30 % after Jordan K
 * et al., J Clin Epidemiol 2006;59(1):45-52 and Ostelo RW et al., Spine 2008;33(1):90-94.
 */
export function scoreRmdq(answers: { ticked: boolean[] }): number {
  return answers.ticked.filter(Boolean).length;
}

/**
 * PEG: Pain average, Enjoyment of life, General activity, each 0-10; the score is their mean.
 * Source: Krebs EE et al. Development and initial validation of the PEG, a
 * three-item scale assessing pain intensity and interference. J Gen Intern Med
 * 2009;24(6):733-738.
 */
export function scorePeg(answers: { pain: number; enjoyment: number; activity: number }): number {
  return (answers.pain + answers.enjoyment + answers.activity) / 3;
}

/**
 * Clinically important change, as the issue sets it (sources in each measure's file):
 * ODI 10 points or 30 %; NDI 5 raw points; NPRS 2 points or 30 %; PSFS 2 points;
 * RMDQ 5 points or 30 %. PEG: the issue names none; Stride uses 30 %, as for the
 * pain rating. "Or" means either is enough, so the smaller of the two is the
 * threshold. A relative rule needs a baseline above 0.
 */
export type ChangeRule = { points: number | null; percent: number | null; higherIsBetter: boolean };

// Differences of full-precision scores (e.g. 46.666… − 36.666…) can land a hair under a whole threshold.
const EPSILON = 1e-9;

/** How far from the baseline a score must move to count as an important change. */
export function importantThreshold(rule: ChangeRule, baseline: number): number | null {
  const relative = rule.percent !== null && baseline > 0 ? (baseline * rule.percent) / 100 : null;
  if (rule.points === null) return relative;
  return relative === null ? rule.points : Math.min(rule.points, relative);
}

export type Change = { direction: "better" | "worse" | "same"; important: boolean; delta: number };

export function compareToBaseline(rule: ChangeRule, baseline: number, latest: number): Change {
  const delta = latest - baseline;
  if (Math.abs(delta) < EPSILON) return { direction: "same", important: false, delta: 0 };
  const better = rule.higherIsBetter ? delta > 0 : delta < 0;
  const threshold = importantThreshold(rule, baseline);
  const important = threshold !== null && Math.abs(delta) >= threshold - EPSILON;
  return { direction: better ? "better" : "worse", important, delta };
}

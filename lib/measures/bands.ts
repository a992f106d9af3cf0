/**
 * Bands as upper-closed, half-open intervals: a band holds every score above
 * the previous band's upper limit up to and including its own. Published
 * tables list whole numbers ("0-20", "21-40"); reading "0-20" as "up to and
 * including 20" means 20.4 (possible with a missing section) is no longer in
 * it, and every real score falls in exactly one band.
 */
export type Band = { upTo: number; label: string };

export function bandOf(score: number, bands: readonly Band[]): string {
  for (const band of bands) if (score <= band.upTo) return band.label;
  return bands[bands.length - 1].label;
}

/** Full precision is kept; this only formats. Whole numbers stay whole, others get one decimal. */
export function formatScore(score: number): string {
  const rounded = Math.round(score * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}

import type { VisitSpan } from "./dose";

/**
 * A visit pattern as one line a clinician types and reads:
 * "3 a week for 2 weeks, then 1 a week for 4 weeks". The numbers are checked
 * by the visit dose schema when saved; this only reads the shape.
 */

export const VISIT_PATTERN_EXAMPLE = "3 a week for 2 weeks, then 1 a week for 4 weeks";

export function formatVisitPattern(spans: readonly VisitSpan[]): string {
  return spans.map((s) => `${s.perWeek} a week for ${s.weeks} ${s.weeks === 1 ? "week" : "weeks"}`).join(", then ");
}

const wordNumbers: [RegExp, string][] = [
  [/\bweekly\b/g, "1 a week"],
  [/\bonce\b/g, "1"],
  [/\btwice\b/g, "2"],
];

export type ParsedVisitPattern = { ok: true; spans: { perWeek: number; weeks: number }[] } | { ok: false; message: string };

/**
 * Reads "3 a week for 2 weeks, then 1 a week for 4 weeks", "3x2, 1x4" or
 * "twice a week for 3 weeks": each part (split at commas, semicolons or "then")
 * holds two whole numbers, visits a week and then how many weeks.
 */
export function parseVisitPattern(text: string): ParsedVisitPattern {
  let line = text.toLowerCase();
  for (const [word, digits] of wordNumbers) line = line.replace(word, digits);
  const parts = line
    .split(/,|;|\bthen\b/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { ok: false, message: `Write the visits as, for example, "${VISIT_PATTERN_EXAMPLE}".` };
  const spans: { perWeek: number; weeks: number }[] = [];
  for (const part of parts) {
    const numbers = part.match(/\d+/g) ?? [];
    if (numbers.length !== 2 || /[.-]\d/.test(part))
      return { ok: false, message: `"${part}" needs two whole numbers: visits a week, then for how many weeks (e.g. "3 a week for 2 weeks").` };
    spans.push({ perWeek: Number(numbers[0]), weeks: Number(numbers[1]) });
  }
  return { ok: true, spans };
}

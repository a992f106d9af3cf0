/**
 * Pure helpers for the printed handout's layout: the short name in the page
 * footer, the CSS text of the page margin boxes, and which weeks the diary
 * covers.
 */

/** "Maria Ortega" -> "Maria O."; one word stays as it is. */
export function shortPatientName(fullName: string): string {
  const words = fullName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  if (words.length === 1) return words[0];
  return `${words[0]} ${words[words.length - 1].charAt(0).toUpperCase()}.`;
}

/**
 * A CSS string literal for `content:` that cannot close the string, the rule
 * or the <style> element: anything but letters, digits and a few safe marks
 * is written as a CSS hex escape.
 */
export function cssString(text: string): string {
  const escaped = Array.from(text.replace(/[\r\n\t]+/g, " "))
    .map((ch) => (/[A-Za-z0-9 .,:()+\-'·]/.test(ch) && ch !== "'" ? ch : `\\${ch.codePointAt(0)!.toString(16)} `))
    .join("");
  return `"${escaped}"`;
}

/** The weeks the diary prints: all of a plan up to 6 weeks, else the first 4 and a "keep going" line. */
export const DIARY_ALL_WEEKS_UP_TO = 6;
export const DIARY_WEEKS_OF_LONG_PLAN = 4;

export function diaryWeeks(planWeeks: number): { weeks: number; keepGoing: boolean } {
  if (planWeeks <= DIARY_ALL_WEEKS_UP_TO) return { weeks: planWeeks, keepGoing: false };
  return { weeks: DIARY_WEEKS_OF_LONG_PLAN, keepGoing: true };
}

export type HandoutSize = "standard" | "large";

export function handoutSize(param: unknown): HandoutSize {
  return param === "large" ? "large" : "standard";
}

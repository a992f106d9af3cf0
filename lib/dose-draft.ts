import type { AnyDose, ItemKind } from "./dose";

/**
 * The dose editor keeps what the therapist typed as text (so "-5" or "" stays
 * on screen until corrected) and turns it into a dose object only to save.
 * Keys match zod's issue paths ("spans.1.weeks") so errors land on the right field.
 */
export type DoseDraft = Record<string, string>;

const nullableNumbers: Record<ItemKind, string[]> = {
  exercise: ["sets", "reps", "holdSeconds", "restSeconds"],
  walking: ["rpe", "stepMinutes", "capMinutes", "breakEveryMinutes"],
  visit: [],
  education: [],
};
const requiredNumbers: Record<ItemKind, string[]> = {
  exercise: ["timesPerDay", "daysPerWeek"],
  walking: ["minutes", "sessionsPerDay", "daysPerWeek"],
  visit: [],
  education: [],
};

export function doseToDraft(kind: ItemKind, dose: AnyDose): DoseDraft {
  const draft: DoseDraft = {};
  for (const [key, value] of Object.entries(dose)) {
    if (key === "spans" && Array.isArray(value)) {
      value.forEach((span: { perWeek: number; weeks: number }, i: number) => {
        draft[`spans.${i}.perWeek`] = String(span.perWeek);
        draft[`spans.${i}.weeks`] = String(span.weeks);
      });
      draft.spanCount = String(value.length);
    } else {
      draft[key] = value === null || value === undefined ? "" : String(value);
    }
  }
  if (kind === "visit" && !draft.spanCount) draft.spanCount = "0";
  return draft;
}

function toNumber(text: string | undefined): number | null {
  const t = (text ?? "").trim();
  if (t === "") return null;
  const n = Number(t);
  return Number.isNaN(n) ? Number.NaN : n;
}

/** Builds the object the server validates; it does not validate itself. */
export function draftToDose(kind: ItemKind, draft: DoseDraft): Record<string, unknown> {
  const dose: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(draft)) {
    if (key === "spanCount" || key.startsWith("spans.")) continue;
    if (nullableNumbers[kind].includes(key)) dose[key] = toNumber(value);
    else if (requiredNumbers[kind].includes(key)) dose[key] = toNumber(value) ?? Number.NaN;
    else dose[key] = value;
  }
  if (kind === "visit") {
    const count = Number(draft.spanCount ?? "0");
    dose.spans = Array.from({ length: count }, (_, i) => ({
      perWeek: toNumber(draft[`spans.${i}.perWeek`]) ?? Number.NaN,
      weeks: toNumber(draft[`spans.${i}.weeks`]) ?? Number.NaN,
    }));
  }
  return dose;
}

import { formatScore } from "./bands";
import { compareToBaseline, importantThreshold, type Change, type ChangeRule } from "./important-change";
import { ndiBand, ndiPercent, ndiSections, scoreNdi } from "./ndi";
import { odiBand, odiSections, scoreOdi } from "./odi";
import { measureAnswerSchemas, type AnyMeasureAnswers, type MeasureAnswers, type MeasureId } from "./schemas";
import { nprsBand, scoreNprs, scorePeg, scorePsfs, scoreRmdq } from "./simple";

export * from "./schemas";

type Definition<K extends MeasureId> = {
  short: string;
  name: string;
  /** The scale the score is kept, charted and compared on. */
  min: number;
  max: number;
  unit: "%" | "points";
  rule: ChangeRule;
  /** null when too many items are missing. */
  score: (answers: MeasureAnswers[K]) => number | null;
  band: ((score: number) => string) | null;
  /** Shown for ODI/NDI only: the copyrighted wording stays on the clinic's licensed form. */
  sections?: readonly string[];
  /** Wording shipped with Stride, so patients can fill it on their link without a licensed text. */
  shippedWording: boolean;
};

export const measures: { [K in MeasureId]: Definition<K> } = {
  odi: {
    short: "ODI",
    name: "Oswestry Disability Index 2.1a",
    min: 0,
    max: 100,
    unit: "%",
    rule: { points: 10, percent: 30, higherIsBetter: false },
    score: (a) => scoreOdi(a.sections),
    band: odiBand,
    sections: odiSections,
    shippedWording: false,
  },
  ndi: {
    short: "NDI",
    name: "Neck Disability Index",
    min: 0,
    max: 50,
    unit: "points",
    rule: { points: 5, percent: null, higherIsBetter: false },
    score: (a) => scoreNdi(a.sections),
    band: ndiBand,
    sections: ndiSections,
    shippedWording: false,
  },
  nprs: {
    short: "NPRS",
    name: "Pain numeric rating scale",
    min: 0,
    max: 10,
    unit: "points",
    rule: { points: 2, percent: 30, higherIsBetter: false },
    score: scoreNprs,
    band: nprsBand,
    shippedWording: true,
  },
  psfs: {
    short: "PSFS",
    name: "Patient-Specific Functional Scale",
    min: 0,
    max: 10,
    unit: "points",
    rule: { points: 2, percent: null, higherIsBetter: true },
    score: scorePsfs,
    band: null,
    shippedWording: true,
  },
  rmdq: {
    short: "RMDQ",
    name: "Roland-Morris Disability Questionnaire",
    min: 0,
    max: 24,
    unit: "points",
    rule: { points: 5, percent: 30, higherIsBetter: false },
    score: scoreRmdq,
    band: null,
    shippedWording: true,
  },
  peg: {
    short: "PEG",
    name: "PEG pain, enjoyment and activity scale",
    min: 0,
    max: 10,
    unit: "points",
    rule: { points: null, percent: 30, higherIsBetter: false },
    score: scorePeg,
    band: null,
    shippedWording: true,
  },
};

/** Answers already parsed with the measure's schema, scored. */
export function scoreMeasure(measure: MeasureId, answers: AnyMeasureAnswers): number | null {
  return (measures[measure].score as (a: AnyMeasureAnswers) => number | null)(answers);
}

/** Parses raw answers (form or JSON) and scores them; throws the ZodError for bad input. */
export function parseAndScore(measure: MeasureId, raw: unknown): { answers: AnyMeasureAnswers; score: number } {
  const answers = measureAnswerSchemas[measure].parse(raw) as AnyMeasureAnswers;
  const score = scoreMeasure(measure, answers);
  // The schemas already refuse too many missing items; this guards the rule twice.
  if (score === null) throw new Error("unscorable answers passed the schema");
  return { answers, score };
}

/** "46 %", "18 of 50 (36 %)", "6.5 of 10". */
export function formatMeasureScore(measure: MeasureId, score: number): string {
  const m = measures[measure];
  if (measure === "ndi") return `${formatScore(score)} of 50 (${formatScore(ndiPercent(score))} %)`;
  return m.unit === "%" ? `${formatScore(score)} %` : `${formatScore(score)} of ${m.max}`;
}

function shortScore(measure: MeasureId, score: number) {
  return measures[measure].unit === "%" ? `${formatScore(score)} %` : formatScore(score);
}

export function describeChange(measure: MeasureId, baseline: number, latest: number): { sentence: string; change: Change } {
  const m = measures[measure];
  const change = compareToBaseline(m.rule, baseline, latest);
  const from = shortScore(measure, baseline);
  const to = shortScore(measure, latest);
  if (change.direction === "same") return { change, sentence: `${m.short} stayed at ${from}: no change.` };
  const verb = change.delta < 0 ? "fell" : "rose";
  const verdict = change.important
    ? change.direction === "better"
      ? "an important improvement"
      : "an important worsening"
    : `a change smaller than the important ${change.direction === "better" ? "improvement" : "worsening"}`;
  return { change, sentence: `${m.short} ${verb} from ${from} to ${to}: ${verdict}.` };
}

/** The band around the baseline inside which a change is not yet important, clipped to the scale. */
export function importantChangeBand(measure: MeasureId, baseline: number): { low: number; high: number } | null {
  const m = measures[measure];
  const t = importantThreshold(m.rule, baseline);
  if (t === null) return null;
  return { low: Math.max(m.min, baseline - t), high: Math.min(m.max, baseline + t) };
}

export { compareToBaseline, importantThreshold, type Change, type ChangeRule };

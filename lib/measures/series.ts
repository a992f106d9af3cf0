import type { CalendarDate } from "@/lib/calendar-date";
import { describeChange, importantChangeBand, measureIds, type MeasureContext, type MeasureId } from "./index";

export type MeasurePoint = { id: number; takenOn: CalendarDate; score: number; context: MeasureContext; source: "staff" | "link" };

export type MeasureSeries = {
  measure: MeasureId;
  points: MeasurePoint[];
  baseline: MeasurePoint;
  /** Null until there is a second result to compare. */
  sentence: string | null;
  band: { low: number; high: number } | null;
};

/**
 * Results per measure, oldest first. The baseline is the first intake result
 * (or the first result when none is marked intake); the sentence compares the
 * latest result after it with that baseline.
 */
export function measureSeries(rows: (MeasurePoint & { measure: MeasureId })[]): MeasureSeries[] {
  const out: MeasureSeries[] = [];
  for (const measure of measureIds) {
    const points = rows
      .filter((r) => r.measure === measure)
      .sort((a, b) => a.takenOn.localeCompare(b.takenOn) || a.id - b.id)
      .map(({ id, takenOn, score, context, source }) => ({ id, takenOn, score, context, source }));
    if (points.length === 0) continue;
    const baseline = points.find((p) => p.context === "intake") ?? points[0];
    const after = points.filter((p) => p.takenOn > baseline.takenOn || (p.takenOn === baseline.takenOn && p.id > baseline.id));
    const latest = after.length ? after[after.length - 1] : null;
    out.push({
      measure,
      points,
      baseline,
      sentence: latest ? describeChange(measure, baseline.score, latest.score).sentence : null,
      band: importantChangeBand(measure, baseline.score),
    });
  }
  return out;
}

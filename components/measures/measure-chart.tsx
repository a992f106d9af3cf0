"use client";

import { ReferenceArea } from "recharts";
import { chartColors, DayLineChart } from "@/components/day-line-chart";
import { formatDateShort } from "@/lib/calendar-date";
import { formatMeasureScore, measureContextLabels, measures } from "@/lib/measures";
import type { MeasureSeries } from "@/lib/measures/series";

/**
 * One measure over time, with the band around the baseline inside which a
 * change is not yet clinically important.
 */
export function MeasureChart({ series }: { series: MeasureSeries }) {
  const m = measures[series.measure];
  const caption = `${m.name} (${m.short}) by date`;
  return (
    <DayLineChart
      points={series.points.map((p) => ({ day: p.takenOn, score: p.score }))}
      caption={
        <>
          {caption}{" "}
          {series.band ? (
            <span className="muted">(the shaded band marks changes from the baseline that are not yet clinically important)</span>
          ) : null}
        </>
      }
      label={series.sentence ?? `${m.short}: one result so far, ${formatMeasureScore(series.measure, series.baseline.score)}.`}
      height={220}
      yAxis={{ domain: [m.min, m.max], width: 40 }}
      dotRadius={4}
      tooltip={(score) => [formatMeasureScore(series.measure, score), m.short]}
      table={{
        caption,
        columns: ["Date", "When", "Score"],
        rows: series.points.map((p) => ({
          key: p.id,
          cells: [formatDateShort(p.takenOn), measureContextLabels[p.context], formatMeasureScore(series.measure, p.score)],
        })),
      }}
    >
      {series.band ? (
        <ReferenceArea y1={series.band.low} y2={series.band.high} fill={chartColors.line} fillOpacity={0.12} stroke="none" ifOverflow="hidden" />
      ) : null}
    </DayLineChart>
  );
}

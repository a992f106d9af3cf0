"use client";

import { CartesianGrid, Line, LineChart, ReferenceArea, Tooltip, XAxis, YAxis } from "recharts";
import { addDays, daysBetween, formatDateShort } from "@/lib/calendar-date";
import { formatMeasureScore, measureContextLabels, measures } from "@/lib/measures";
import type { MeasureSeries } from "@/lib/measures/series";

// Hex, not CSS variables: SVG presentation attributes do not resolve var().
const colors = {
  line: "#0f5f59", // --brand, 7.6:1 on white
  band: "#0f5f59",
  text: "#374151", // --ink-soft, 10:1
  grid: "#9ca3af",
};

const tickDate = (day: string) => formatDateShort(day).replace(/^\w+, /, "");

/**
 * One measure over time, with the band around the baseline inside which a
 * change is not yet clinically important. Screen readers get the sentence
 * and the same numbers as a table.
 */
export function MeasureChart({ series }: { series: MeasureSeries }) {
  const m = measures[series.measure];
  const first = series.points[0].takenOn;
  const span = daysBetween(first, series.points[series.points.length - 1].takenOn);
  const data = series.points.map((p) => ({ x: daysBetween(first, p.takenOn), score: p.score, day: p.takenOn }));
  const label = series.sentence ?? `${m.short}: one result so far, ${formatMeasureScore(series.measure, series.baseline.score)}.`;
  const caption = `${m.name} (${m.short}) by date`;

  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        {caption}{" "}
        {series.band ? <span className="muted">(the shaded band marks changes from the baseline that are not yet clinically important)</span> : null}
      </figcaption>
      <div role="img" aria-label={label} style={{ width: "100%", maxWidth: 720 }}>
        <LineChart
          data={data}
          responsive
          accessibilityLayer={false}
          style={{ width: "100%", height: 220 }}
          margin={{ top: 12, right: 24, bottom: 4, left: 0 }}
        >
          <CartesianGrid stroke={colors.grid} strokeOpacity={0.5} vertical={false} />
          <XAxis
            type="number"
            dataKey="x"
            domain={[0, Math.max(span, 1)]}
            allowDecimals={false}
            tickFormatter={(x: number) => tickDate(addDays(first, x))}
            tick={{ fill: colors.text, fontSize: 12 }}
            stroke={colors.text}
          />
          <YAxis domain={[m.min, m.max]} width={40} tick={{ fill: colors.text, fontSize: 12 }} stroke={colors.text} />
          {series.band ? (
            <ReferenceArea y1={series.band.low} y2={series.band.high} fill={colors.band} fillOpacity={0.12} stroke="none" ifOverflow="hidden" />
          ) : null}
          <Tooltip
            labelFormatter={(_, payload) => (payload?.[0] ? formatDateShort(payload[0].payload.day) : "")}
            formatter={(value) => [formatMeasureScore(series.measure, Number(value)), m.short]}
            contentStyle={{ color: colors.text }}
          />
          <Line type="linear" dataKey="score" stroke={colors.line} strokeWidth={2} dot={{ r: 4, fill: colors.line }} isAnimationActive={false} />
        </LineChart>
      </div>
      <table className="visually-hidden">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">When</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          {series.points.map((p) => (
            <tr key={p.id}>
              <td>{formatDateShort(p.takenOn)}</td>
              <td>{measureContextLabels[p.context]}</td>
              <td>{formatMeasureScore(series.measure, p.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

"use client";

import type { ReactNode } from "react";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import { addDays, daysBetween, formatDateShort, type CalendarDate } from "@/lib/calendar-date";

// Hex, not CSS variables: SVG presentation attributes do not resolve var().
// Each reaches at least 4.5:1 on white (text) or 3:1 (lines), per WCAG AA.
export const chartColors = {
  line: "#0f5f59", // --brand, 7.6:1
  high: "#b91c1c", // --danger, 6.5:1
  text: "#374151", // --ink-soft, 10:1
  grid: "#9ca3af", // gridlines are decoration, not information
};

/** "Mar 2": the weekday is dropped to keep axis ticks short. */
function tickDate(day: CalendarDate): string {
  return formatDateShort(day).replace(/^\w+, /, "");
}

/**
 * The frame the clinic's score charts share: a figure whose line runs over
 * days on a numeric axis (so a gap between entries shows as a gap in time),
 * one sentence for screen readers on the drawing, and a table with the same
 * numbers for them. `children` adds the chart's own marks (a band, a line).
 */
export function DayLineChart({
  points,
  caption,
  label,
  height,
  yAxis,
  dotRadius,
  tooltip,
  table,
  children,
}: {
  points: { day: CalendarDate; score: number }[];
  caption: ReactNode;
  label: string;
  height: number;
  yAxis: { domain: [number, number]; ticks?: number[]; width: number };
  dotRadius: number;
  /** The tooltip's value and name for a score. */
  tooltip: (score: number) => [string, string];
  table: { caption: string; columns: string[]; rows: { key: string | number; cells: ReactNode[] }[] };
  children?: ReactNode;
}) {
  const first = points[0].day;
  const span = daysBetween(first, points[points.length - 1].day);
  const data = points.map((p) => ({ x: daysBetween(first, p.day), score: p.score, day: p.day }));
  const axisStyle = { tick: { fill: chartColors.text, fontSize: 12 }, stroke: chartColors.text };

  return (
    <figure style={{ margin: 0 }}>
      <figcaption>{caption}</figcaption>
      <div role="img" aria-label={label} style={{ width: "100%", maxWidth: 720 }}>
        <LineChart
          data={data}
          responsive
          accessibilityLayer={false}
          style={{ width: "100%", height }}
          margin={{ top: 12, right: 24, bottom: 4, left: 0 }}
        >
          <CartesianGrid stroke={chartColors.grid} strokeOpacity={0.5} vertical={false} />
          <XAxis
            type="number"
            dataKey="x"
            domain={[0, Math.max(span, 1)]}
            allowDecimals={false}
            tickFormatter={(x: number) => tickDate(addDays(first, x))}
            {...axisStyle}
          />
          <YAxis domain={yAxis.domain} ticks={yAxis.ticks} width={yAxis.width} {...axisStyle} />
          {children}
          <Tooltip
            labelFormatter={(_, payload) => (payload?.[0] ? formatDateShort(payload[0].payload.day) : "")}
            formatter={(value) => tooltip(Number(value))}
            contentStyle={{ color: chartColors.text }}
          />
          <Line
            type="linear"
            dataKey="score"
            stroke={chartColors.line}
            strokeWidth={2}
            dot={{ r: dotRadius, fill: chartColors.line }}
            isAnimationActive={false}
          />
        </LineChart>
      </div>
      <table className="visually-hidden">
        <caption>{table.caption}</caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key}>
              {row.cells.map((cell, i) => (
                <td key={i}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

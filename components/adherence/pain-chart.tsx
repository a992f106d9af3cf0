"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import { describePainTrend, HIGH_PAIN } from "@/lib/adherence";
import { addDays, daysBetween, formatDateShort, type CalendarDate } from "@/lib/calendar-date";

// Hex, not CSS variables: SVG presentation attributes do not resolve var().
// Each reaches at least 4.5:1 on white (text) or 3:1 (lines), per WCAG AA.
const colors = {
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
 * Pain scores by day. Comments are not passed in: the browser only gets the
 * numbers it draws. Screen readers get the summary sentence and the same
 * numbers as a table.
 */
export function PainChart({ points }: { points: { day: CalendarDate; score: number }[] }) {
  if (points.length === 0) return <p className="muted">No pain scores yet.</p>;
  const first = points[0].day;
  const span = daysBetween(first, points[points.length - 1].day);
  // Days on a numeric axis, so a gap in the entries shows as a gap in time.
  const data = points.map((p) => ({ x: daysBetween(first, p.day), score: p.score, day: p.day }));
  const summary = describePainTrend(points);

  return (
    <figure style={{ margin: 0 }}>
      <figcaption>
        Pain score by day <span className="muted">(0 = no pain, 10 = worst; the dashed line marks {HIGH_PAIN})</span>
      </figcaption>
      <div role="img" aria-label={summary} style={{ width: "100%", maxWidth: 720 }}>
        <LineChart
          data={data}
          responsive
          accessibilityLayer={false}
          style={{ width: "100%", height: 240 }}
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
          <YAxis domain={[0, 10]} ticks={[0, 2, 4, 6, 8, 10]} width={32} tick={{ fill: colors.text, fontSize: 12 }} stroke={colors.text} />
          <ReferenceLine
            y={HIGH_PAIN}
            stroke={colors.high}
            strokeDasharray="6 4"
            strokeWidth={2}
            label={{ value: `${HIGH_PAIN}`, position: "right", fill: colors.high, fontSize: 12 }}
          />
          <Tooltip
            labelFormatter={(_, payload) => (payload?.[0] ? formatDateShort(payload[0].payload.day) : "")}
            formatter={(value) => [`${value} of 10`, "Pain"]}
            contentStyle={{ color: colors.text }}
          />
          <Line type="linear" dataKey="score" stroke={colors.line} strokeWidth={2} dot={{ r: 3, fill: colors.line }} isAnimationActive={false} />
        </LineChart>
      </div>
      <table className="visually-hidden">
        <caption>Pain scores by day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Pain (0 to 10)</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.day}>
              <td>{formatDateShort(p.day)}</td>
              <td>{p.score}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

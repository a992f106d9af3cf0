"use client";

import { ReferenceLine } from "recharts";
import { chartColors, DayLineChart } from "@/components/day-line-chart";
import { describePainTrend, HIGH_PAIN } from "@/lib/adherence";
import { formatDateShort, type CalendarDate } from "@/lib/calendar-date";

/**
 * Pain scores by day, with a dashed line at the score that counts as high.
 * Comments are not passed in: the browser only gets the numbers it draws.
 */
export function PainChart({ points }: { points: { day: CalendarDate; score: number }[] }) {
  if (points.length === 0) return <p className="muted">No pain scores yet.</p>;
  return (
    <DayLineChart
      points={points}
      caption={
        <>
          Pain score by day <span className="muted">(0 = no pain, 10 = worst; the dashed line marks {HIGH_PAIN})</span>
        </>
      }
      label={describePainTrend(points)}
      height={240}
      yAxis={{ domain: [0, 10], ticks: [0, 2, 4, 6, 8, 10], width: 32 }}
      dotRadius={3}
      tooltip={(score) => [`${score} of 10`, "Pain"]}
      table={{
        caption: "Pain scores by day",
        columns: ["Day", "Pain (0 to 10)"],
        rows: points.map((p) => ({ key: p.day, cells: [formatDateShort(p.day), p.score] })),
      }}
    >
      <ReferenceLine
        y={HIGH_PAIN}
        stroke={chartColors.high}
        strokeDasharray="6 4"
        strokeWidth={2}
        label={{ value: `${HIGH_PAIN}`, position: "right", fill: chartColors.high, fontSize: 12 }}
      />
    </DayLineChart>
  );
}

import { daysBetween } from "@/lib/calendar-date";
import { measures } from "@/lib/measures";
import type { MeasureSeries } from "@/lib/measures/series";

const W = 240;
const H = 60;
const PAD = 4;

/**
 * A small static chart for print (no JavaScript): the scores over time and the
 * important-change band around the baseline. Decorative: the table beside it
 * carries the same numbers.
 */
export function MeasureSparkline({ series }: { series: MeasureSeries }) {
  const m = measures[series.measure];
  const first = series.points[0].takenOn;
  const span = Math.max(1, daysBetween(first, series.points[series.points.length - 1].takenOn));
  const x = (day: string) => PAD + ((W - 2 * PAD) * daysBetween(first, day)) / span;
  const y = (score: number) => H - PAD - ((H - 2 * PAD) * (score - m.min)) / (m.max - m.min);
  const line = series.points.map((p) => `${x(p.takenOn).toFixed(1)},${y(p.score).toFixed(1)}`).join(" ");
  return (
    <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false" className="sparkline">
      <rect x={0.5} y={0.5} width={W - 1} height={H - 1} fill="none" stroke="#9ca3af" />
      {series.band ? (
        <rect
          x={PAD}
          width={W - 2 * PAD}
          y={y(series.band.high)}
          height={Math.max(0, y(series.band.low) - y(series.band.high))}
          fill="#0f5f59"
          fillOpacity={0.15}
        />
      ) : null}
      <polyline points={line} fill="none" stroke="#0f5f59" strokeWidth={2} />
      {series.points.map((p) => (
        <circle key={p.id} cx={x(p.takenOn)} cy={y(p.score)} r={3} fill="#0f5f59" />
      ))}
    </svg>
  );
}

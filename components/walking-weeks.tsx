import { isSittingBreak, type WalkingDose } from "@/lib/dose";
import { walkingWeeks } from "@/lib/walking-progression";

/**
 * A walk's minutes week by week, on the handout and the phone. Rows of
 * `perRow` weeks keep the numbers large on a narrow column or a phone.
 * `currentWeek` marks this week on the phone.
 */
export function WalkingWeeks({ dose, weeks, perRow = 8, currentWeek }: { dose: WalkingDose; weeks: number; perRow?: number; currentWeek?: number }) {
  const rows = walkingWeeks(dose, weeks);
  // A sitting break that never grows needs no table: its one length is in the dose words.
  if (rows.length <= 1 || (isSittingBreak(dose) && rows.every((r) => r.minutes === dose.minutes))) return null;
  const chunks = Array.from({ length: Math.ceil(rows.length / perRow) }, (_, i) => rows.slice(i * perRow, i * perRow + perRow));
  return (
    <div className="keep wide walking-weeks">
      <p className="walking-weeks-title">Minutes per walk, week by week</p>
      {chunks.map((chunk) => (
        <table key={chunk[0].week}>
          <thead>
            <tr>
              {chunk.map((r) => (
                <th scope="col" key={r.week} aria-current={r.week === currentWeek ? "true" : undefined}>
                  Week {r.week}
                  {r.week === currentWeek ? <span className="visually-hidden"> (this week)</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {chunk.map((r) => (
                <td key={r.week} className={r.week === currentWeek ? "this-week" : undefined}>
                  {r.minutes} minutes
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      ))}
    </div>
  );
}

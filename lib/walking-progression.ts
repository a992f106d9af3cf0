import { isSittingBreak, limits, type WalkingDose } from "./dose";

/** One row of the classic week-by-week walking table. */
export type WalkingWeek = {
  /** 1-based plan week. */
  week: number;
  /** Minutes per walk that week. */
  minutes: number;
  sessionsPerDay: number;
  daysPerWeek: number;
  weeklyMinutes: number;
  /** The walk has grown to its longest (set only when the dose has a cap). */
  capReached: boolean;
  /** Weekly minutes rose more than 20 % over the week before: worth a second look. */
  bigJump: boolean;
};

/**
 * The walk week by week for a plan of planWeeks weeks. Growth that would run
 * past the plan's end is simply not shown: the plan is what the patient follows.
 */
export function walkingWeeks(dose: WalkingDose, planWeeks: number): WalkingWeek[] {
  if (!Number.isFinite(planWeeks) || planWeeks < 1) return [];
  const weeks = Math.floor(planWeeks);
  const step = dose.stepMinutes ?? 0;
  // Without a cap the walk still stops at the longest walk the schema allows,
  // so a long plan never prints a 5-hour walk.
  const longest = dose.capMinutes ?? limits.walkMinutes.max;
  // A sitting break has no set count a day: each row stands for one break.
  const sessionsPerDay = isSittingBreak(dose) ? 1 : dose.sessionsPerDay;

  const rows: WalkingWeek[] = [];
  for (let week = 1; week <= weeks; week++) {
    const grown = Math.min(dose.minutes + step * (week - 1), longest);
    // Never below the first walk, even if a cap was saved shorter than it.
    const minutes = Math.max(dose.minutes, grown);
    const weeklyMinutes = minutes * sessionsPerDay * dose.daysPerWeek;
    const previous = rows[rows.length - 1];
    rows.push({
      week,
      minutes,
      sessionsPerDay,
      daysPerWeek: dose.daysPerWeek,
      weeklyMinutes,
      capReached: dose.capMinutes !== null && minutes >= dose.capMinutes,
      // Whole-number comparison (x/prev > 1.2 <=> 5x > 6 prev) so exactly 20 % is not flagged by a rounding error.
      bigJump: previous !== undefined && weeklyMinutes * 5 > previous.weeklyMinutes * 6,
    });
  }
  return rows;
}

/** Printed with every walking item, on paper and on the phone. */
export const WALKING_MOVE_UP_RULE = "Move up only if last week felt okay. After a flare-up, repeat the week.";

import { addDays, daysBetween, formatDateShort, type CalendarDate } from "./calendar-date";
import type { AnyDose, ItemKind } from "./dose";
import { isTickable } from "./plan-document";
import type { PlanStatus } from "./plan-status";

/**
 * How closely a patient followed a plan, from their daily ticks and pain
 * scores. Pure: the query layer reads the rows and the clinic's "today".
 */

export type AdherenceWeek = {
  /** 1 for the plan's first week. */
  week: number;
  startDate: CalendarDate;
  endDate: CalendarDate;
  /** True for the week that contains today: its numbers are still growing. */
  inProgress: boolean;
  daysActive: number;
  itemsDone: number;
  itemsPrescribed: number;
  /** Rounded; null when the plan prescribes nothing to tick. */
  percent: number | null;
};

export type PainPoint = { day: CalendarDate; score: number; comment: string };

export type AdherenceFlags = {
  quiet: boolean;
  lastLogDay: CalendarDate | null;
  highPain: boolean;
  latestPain: number | null;
};

export type PlanAdherence = { weeks: AdherenceWeek[]; pain: PainPoint[]; flags: AdherenceFlags };

/** `weeks`: the plan weeks the item runs (its phase); absent for the whole plan. Outside them nothing is due. */
export type AdherenceItem = { id: number; kind: ItemKind; dose: AnyDose; weeks?: { from: number; to: number } };

export type AdherenceInput = {
  plan: {
    startDate: CalendarDate;
    weeks: number;
    /** When given, only an active plan can be flagged quiet: a draft was never shared. */
    status?: PlanStatus;
    items: AdherenceItem[];
    /**
     * The issued versions, oldest first, each from the clinic date it was issued. A week is
     * counted against the newest version issued by that week's end (the first version before
     * any was issued), so a dose changed mid-plan does not rewrite the earlier weeks' targets.
     * Without versions, `items` holds for every week.
     */
    versions?: { from: CalendarDate; items: AdherenceItem[] }[];
  };
  itemLogs: { planItemId: number; day: CalendarDate }[];
  painLogs: PainPoint[];
  today: CalendarDate;
  quietDays: number;
};

export const HIGH_PAIN = 7;
const HIGH_PAIN_WINDOW_DAYS = 7;

/** Days a week an item asks for; visits and education are not ticked against a target. */
export function prescribedDaysPerWeek(item: { kind: ItemKind; dose: AnyDose }): number {
  if (!isTickable(item)) return 0;
  const days = (item.dose as { daysPerWeek?: unknown }).daysPerWeek;
  return typeof days === "number" && days > 0 ? days : 0;
}

export function planAdherence({ plan, itemLogs, painLogs, today, quietDays }: AdherenceInput): PlanAdherence {
  const planEnd = addDays(plan.startDate, plan.weeks * 7 - 1);
  // Logs dated after today (a patient's clock ahead of the clinic's) count once that day comes.
  const lastCounted = today < planEnd ? today : planEnd;
  const inPlan = (day: CalendarDate) => day >= plan.startDate && day <= lastCounted;

  const targetsOf = (items: AdherenceItem[]) => new Map(items.map((item) => [item.id, { days: prescribedDaysPerWeek(item), weeks: item.weeks }]));
  const versions = (plan.versions ?? []).map((v) => ({ from: v.from, targets: targetsOf(v.items) }));
  const draftTargets = targetsOf(plan.items);
  /** The targets in force for the week ending on `endDate`. */
  const targetsFor = (endDate: CalendarDate) => {
    if (versions.length === 0) return draftTargets;
    const inForce = versions.filter((v) => v.from <= endDate);
    return (inForce.at(-1) ?? versions[0]).targets;
  };
  const everItem = new Set([...draftTargets.keys(), ...versions.flatMap((v) => [...v.targets.keys()])]);
  const ticks = itemLogs.filter((log) => everItem.has(log.planItemId) && inPlan(log.day));
  const pain = painLogs
    .filter((p) => inPlan(p.day))
    .map(({ day, score, comment }) => ({ day, score, comment }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));

  const weeks: AdherenceWeek[] = [];
  const shownWeeks = today < plan.startDate ? 0 : Math.min(plan.weeks, Math.floor(daysBetween(plan.startDate, today) / 7) + 1);
  for (let week = 1; week <= shownWeeks; week++) {
    const startDate = addDays(plan.startDate, (week - 1) * 7);
    const endDate = addDays(startDate, 6);
    const targets = new Map(
      [...targetsFor(endDate)].flatMap(([id, t]) => (!t.weeks || (week >= t.weeks.from && week <= t.weeks.to) ? [[id, t.days] as const] : [])),
    );
    const itemsPrescribed = [...targets.values()].reduce((sum, n) => sum + n, 0);
    const inWeek = ticks.filter((t) => t.day >= startDate && t.day <= endDate && targets.has(t.planItemId));
    const perItem = new Map<number, Set<CalendarDate>>();
    for (const t of inWeek) perItem.set(t.planItemId, (perItem.get(t.planItemId) ?? new Set()).add(t.day));
    let itemsDone = 0;
    for (const [itemId, days] of perItem) itemsDone += Math.min(days.size, targets.get(itemId) ?? 0);
    weeks.push({
      week,
      startDate,
      endDate,
      inProgress: today >= startDate && today <= endDate,
      daysActive: new Set(inWeek.map((t) => t.day)).size,
      itemsDone,
      itemsPrescribed,
      percent: itemsPrescribed > 0 ? Math.round((itemsDone / itemsPrescribed) * 100) : null,
    });
  }

  const logDays = [...ticks.map((t) => t.day), ...pain.map((p) => p.day)];
  const lastLogDay = logDays.length > 0 ? logDays.reduce((a, b) => (a > b ? a : b)) : null;
  const quietSince = addDays(today, -(quietDays - 1));
  const quiet =
    quietDays > 0 &&
    (plan.status === undefined || plan.status === "active") &&
    today <= planEnd &&
    daysBetween(plan.startDate, today) >= quietDays &&
    (lastLogDay === null || lastLogDay < quietSince);
  const highPainSince = addDays(today, -(HIGH_PAIN_WINDOW_DAYS - 1));

  return {
    weeks,
    pain,
    flags: {
      quiet,
      lastLogDay,
      highPain: pain.some((p) => p.day >= highPainSince && p.score >= HIGH_PAIN),
      latestPain: pain.length > 0 ? pain[pain.length - 1].score : null,
    },
  };
}

/** One sentence for a screen reader: "Pain from 6 to 3 over 9 days; latest 3". */
export function describePainTrend(points: { day: CalendarDate; score: number }[]): string {
  if (points.length === 0) return "No pain scores recorded yet";
  const first = points[0];
  const last = points[points.length - 1];
  if (points.length === 1) return `Pain ${first.score} on ${formatDateShort(first.day)}; latest ${last.score}`;
  const span = daysBetween(first.day, last.day) + 1;
  return `Pain from ${first.score} to ${last.score} over ${span} days; latest ${last.score}`;
}

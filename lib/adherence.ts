import { addDays, daysBetween, formatDateShort, type CalendarDate } from "./calendar-date";
import type { AnyDose, ItemKind } from "./dose";
import { isTickable, type PlanDocument } from "./plan-document";
import { itemWeeks, type PlanPhase } from "./plan-phases";
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
  /**
   * Only for the week in progress: what was due by today and how much of it is done
   * ("4 of 5 done so far this week"), so a Tuesday is not read against a whole week.
   */
  soFar: { done: number; due: number } | null;
  /** Rounded; against what was due so far in the week in progress; null when nothing is (yet) due. */
  percent: number | null;
};

/** What the patient logged before the plan's start date: shown apart, never counted in a week. */
export type BeforeStart = { daysActive: number; ticks: number };

export type PainPoint = { day: CalendarDate; score: number; comment: string };

export type AdherenceFlags = {
  quiet: boolean;
  lastLogDay: CalendarDate | null;
  highPain: boolean;
  latestPain: number | null;
};

/** `pain` includes scores noted before the start (compare their day with the start date). */
export type PlanAdherence = { weeks: AdherenceWeek[]; beforeStart: BeforeStart; pain: PainPoint[]; flags: AdherenceFlags };

/** `weeks`: the plan weeks the item runs (its phase); absent for the whole plan. Outside them nothing is due. */
export type AdherenceItem = { id: number; kind: ItemKind; dose: AnyDose; weeks?: { from: number; to: number } };

/** An item as adherence counts it: due only in its phase's weeks. */
export function adherenceItem(
  item: { id: number; kind: ItemKind; dose: AnyDose; phaseId?: string },
  phases: readonly PlanPhase[] | undefined,
  planWeeks: number,
): AdherenceItem {
  const base = { id: item.id, kind: item.kind, dose: item.dose };
  return item.phaseId === undefined ? base : { ...base, weeks: itemWeeks(item, phases, planWeeks) };
}

/** The items of an issued version as adherence counts them (items that came from an import without a row are never ticked). */
export function adherenceItemsOf(doc: PlanDocument): AdherenceItem[] {
  return doc.items.flatMap((it) => (it.itemId === null ? [] : [adherenceItem({ ...it, id: it.itemId }, doc.phases, doc.weeks)]));
}

/** Days due per item in plan week `week`: items outside their phase's weeks are not due at all. */
export function weekTargets(items: readonly AdherenceItem[], week: number): Map<number, number> {
  return new Map(
    items.flatMap((item) =>
      !item.weeks || (week >= item.weeks.from && week <= item.weeks.to) ? [[item.id, prescribedDaysPerWeek(item)] as const] : [],
    ),
  );
}

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
/** How far back a high pain score keeps a plan flagged. */
export const HIGH_PAIN_WINDOW_DAYS = 7;

/** Days a week an item asks for; visits and education are not ticked against a target. */
export function prescribedDaysPerWeek(item: { kind: ItemKind; dose: AnyDose }): number {
  if (!isTickable(item)) return 0;
  const days = (item.dose as { daysPerWeek?: unknown }).daysPerWeek;
  return typeof days === "number" && days > 0 ? days : 0;
}

/**
 * How many of an item's days were due by day `dayOfWeek` (1-7) of a plan week: an even
 * share of the week, rounded (3 days a week: 1 by day 2, 2 by day 4, 3 by day 7).
 * A seventh of a week never lands on a half, so the rounding has no ties.
 */
export function dueByDay(daysPerWeek: number, dayOfWeek: number): number {
  const day = Math.min(Math.max(Math.floor(dayOfWeek), 0), 7);
  return Math.round((daysPerWeek * day) / 7);
}

/**
 * The week in progress so far: per item, ticked days count up to what was due by
 * today (being ahead on one item does not hide being behind on another).
 */
export function progressSoFar({
  targets,
  ticks,
  weekStart,
  today,
}: {
  targets: ReadonlyMap<number, number>;
  ticks: { planItemId: number; day: CalendarDate }[];
  weekStart: CalendarDate;
  today: CalendarDate;
}): { done: number; due: number } {
  const dayOfWeek = daysBetween(weekStart, today) + 1;
  const perItem = new Map<number, Set<CalendarDate>>();
  for (const t of ticks)
    if (t.day >= weekStart && t.day <= today && targets.has(t.planItemId))
      perItem.set(t.planItemId, (perItem.get(t.planItemId) ?? new Set()).add(t.day));
  let done = 0;
  let due = 0;
  for (const [itemId, daysPerWeek] of targets) {
    const dueNow = dueByDay(daysPerWeek, dayOfWeek);
    due += dueNow;
    done += Math.min(perItem.get(itemId)?.size ?? 0, dueNow);
  }
  return { done, due };
}

/** Percent of `of`, rounded; null when there is nothing to count against. */
export function percentOf(done: number, of: number): number | null {
  return of > 0 ? Math.round((done / of) * 100) : null;
}

export function planAdherence({ plan, itemLogs, painLogs, today, quietDays }: AdherenceInput): PlanAdherence {
  const planEnd = addDays(plan.startDate, plan.weeks * 7 - 1);
  // Logs dated after today (a patient's clock ahead of the clinic's) count once that day comes.
  const lastCounted = today < planEnd ? today : planEnd;
  const inPlan = (day: CalendarDate) => day >= plan.startDate && day <= lastCounted;
  // Entries made before the start (the patient began early) are kept and shown apart.
  const upToToday = (day: CalendarDate) => day <= lastCounted;

  const versions = plan.versions ?? [];
  /** The items in force for the week ending on `endDate`. */
  const itemsFor = (endDate: CalendarDate) => {
    if (versions.length === 0) return plan.items;
    const inForce = versions.filter((v) => v.from <= endDate);
    return (inForce.at(-1) ?? versions[0]).items;
  };
  const everItem = new Set([...plan.items, ...versions.flatMap((v) => v.items)].map((item) => item.id));
  const ticks = itemLogs.filter((log) => everItem.has(log.planItemId) && inPlan(log.day));
  const ticksBefore = itemLogs.filter((log) => everItem.has(log.planItemId) && log.day < plan.startDate && upToToday(log.day));
  const pain = painLogs
    .filter((p) => upToToday(p.day))
    .map(({ day, score, comment }) => ({ day, score, comment }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));

  const weeks: AdherenceWeek[] = [];
  const shownWeeks = today < plan.startDate ? 0 : Math.min(plan.weeks, Math.floor(daysBetween(plan.startDate, today) / 7) + 1);
  for (let week = 1; week <= shownWeeks; week++) {
    const startDate = addDays(plan.startDate, (week - 1) * 7);
    const endDate = addDays(startDate, 6);
    const targets = weekTargets(itemsFor(endDate), week);
    const itemsPrescribed = [...targets.values()].reduce((sum, n) => sum + n, 0);
    const inWeek = ticks.filter((t) => t.day >= startDate && t.day <= endDate && targets.has(t.planItemId));
    const perItem = new Map<number, Set<CalendarDate>>();
    for (const t of inWeek) perItem.set(t.planItemId, (perItem.get(t.planItemId) ?? new Set()).add(t.day));
    let itemsDone = 0;
    for (const [itemId, days] of perItem) itemsDone += Math.min(days.size, targets.get(itemId) ?? 0);
    const inProgress = today >= startDate && today <= endDate;
    const soFar = inProgress ? progressSoFar({ targets, ticks: inWeek, weekStart: startDate, today }) : null;
    weeks.push({
      week,
      startDate,
      endDate,
      inProgress,
      daysActive: new Set(inWeek.map((t) => t.day)).size,
      itemsDone,
      itemsPrescribed,
      soFar,
      percent: soFar ? percentOf(soFar.done, soFar.due) : percentOf(itemsDone, itemsPrescribed),
    });
  }

  const logDays = [...ticks.map((t) => t.day), ...ticksBefore.map((t) => t.day), ...pain.map((p) => p.day)];
  const lastLogDay = logDays.length > 0 ? logDays.reduce((a, b) => (a > b ? a : b)) : null;

  return {
    weeks,
    beforeStart: { daysActive: new Set(ticksBefore.map((t) => t.day)).size, ticks: ticksBefore.length },
    pain,
    flags: adherenceFlags({ plan, lastLogDay, pain, today, quietDays }),
  };
}

/**
 * The two reasons a plan is flagged for staff: quiet (nothing logged for `quietDays`
 * days of an active plan) and high pain in the last week. `pain` needs only the
 * last week's scores, oldest first; the latest of them is reported.
 */
export function adherenceFlags({
  plan,
  lastLogDay,
  pain,
  today,
  quietDays,
}: {
  plan: Pick<AdherenceInput["plan"], "startDate" | "weeks" | "status">;
  lastLogDay: CalendarDate | null;
  pain: { day: CalendarDate; score: number }[];
  today: CalendarDate;
  quietDays: number;
}): AdherenceFlags {
  const planEnd = addDays(plan.startDate, plan.weeks * 7 - 1);
  const quietSince = addDays(today, -(quietDays - 1));
  const quiet =
    quietDays > 0 &&
    (plan.status === undefined || plan.status === "active") &&
    today <= planEnd &&
    daysBetween(plan.startDate, today) >= quietDays &&
    (lastLogDay === null || lastLogDay < quietSince);
  const highPainSince = addDays(today, -(HIGH_PAIN_WINDOW_DAYS - 1));
  return {
    quiet,
    lastLogDay,
    // A high score counts wherever it falls, before the start too: the patient is in pain now.
    highPain: pain.some((p) => p.day >= highPainSince && p.day <= today && p.score >= HIGH_PAIN),
    latestPain: pain.length > 0 ? pain[pain.length - 1].score : null,
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

/** A week's items done in words: "4 of 5 done so far this week" for the week in progress, "7 of 8" for a finished one. */
export function weekDoneWords(week: Pick<AdherenceWeek, "itemsDone" | "itemsPrescribed" | "soFar">): string {
  return week.soFar ? `${week.soFar.done} of ${week.soFar.due} done so far this week` : `${week.itemsDone} of ${week.itemsPrescribed}`;
}

/** The few figures staff see at a glance (patient list, top of the plan): flags, this week so far, latest pain. */
export type ProgressGlance = {
  quiet: boolean;
  highPain: boolean;
  lastLogDay: CalendarDate | null;
  latestPain: { score: number; day: CalendarDate } | null;
  /** The week in progress; null before the start and after the end. */
  thisWeek: { done: number; due: number; percent: number | null } | null;
};

export function glanceOf({ weeks, pain, flags }: PlanAdherence): ProgressGlance {
  const current = weeks.find((w) => w.inProgress);
  const latest = pain.at(-1);
  return {
    quiet: flags.quiet,
    highPain: flags.highPain,
    lastLogDay: flags.lastLogDay,
    latestPain: latest ? { score: latest.score, day: latest.day } : null,
    thisWeek: current?.soFar ? { ...current.soFar, percent: current.percent } : null,
  };
}

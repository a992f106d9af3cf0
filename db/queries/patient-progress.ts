import "server-only";
import { and, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { itemLogs, painLogs, plans, planVersions } from "@/db/schema";
import { adherenceFlags, adherenceItemsOf, HIGH_PAIN_WINDOW_DAYS, percentOf, progressSoFar, weekTargets, type ProgressGlance } from "@/lib/adherence";
import { addDays, type CalendarDate } from "@/lib/calendar-date";
import { readDocument } from "@/lib/plan-document";
import { planWeek } from "@/lib/weekly-aim";
import { clinicClock } from "./adherence";

/**
 * How each listed patient is doing on their active plan, for the patient list.
 * A fixed handful of queries for the whole page (never one per patient), each
 * bounded by the page's plans and the last week of entries, so the list stays
 * as fast at 100,000 patients as at 10. It runs inside the caller's audited
 * read. This week's targets come from the newest issued version, what the
 * patient's link shows and what the plan page counts the week in progress
 * against (lib/adherence.ts weekTargets for both), not from the draft.
 */
export type PatientProgress = ProgressGlance & { planId: number };

export function progressForPatients(db: Executor, patientIds: number[]): Map<number, PatientProgress> {
  const result = new Map<number, PatientProgress>();
  if (patientIds.length === 0) return result;
  const { today, quietDays } = clinicClock(db);

  // The same plan the patient's link opens: the active one starting last.
  const active = new Map<number, { id: number; startDate: CalendarDate; weeks: number }>();
  const planRows = db
    .select({ id: plans.id, patientId: plans.patientId, startDate: plans.startDate, weeks: plans.weeks })
    .from(plans)
    .where(and(inArray(plans.patientId, patientIds), eq(plans.status, "active")))
    .orderBy(desc(plans.startDate), desc(plans.id))
    .all();
  for (const p of planRows) if (!active.has(p.patientId)) active.set(p.patientId, p);
  const planIds = [...active.values()].map((p) => p.id);
  if (planIds.length === 0) return result;

  const weekAgo = addDays(today, -(HIGH_PAIN_WINDOW_DAYS - 1));
  // The newest version of each plan: one index seek per plan for its highest number.
  const newest = db
    .select({ planId: planVersions.planId, document: planVersions.document })
    .from(planVersions)
    .where(
      and(
        inArray(planVersions.planId, planIds),
        sql`${planVersions.number} = (select max(v.number) from ${planVersions} v where v.plan_id = ${planVersions.planId})`,
      ),
    )
    .all();
  const issuedItems = new Map(newest.map((v) => [v.planId, adherenceItemsOf(readDocument(v.document))]));
  const recentTicks = db
    .select({ planId: itemLogs.planId, planItemId: itemLogs.planItemId, day: itemLogs.day })
    .from(itemLogs)
    .where(and(inArray(itemLogs.planId, planIds), gte(itemLogs.day, weekAgo), lte(itemLogs.day, today)))
    .all();
  const recentPain = db
    .select({ planId: painLogs.planId, day: painLogs.day, score: painLogs.score })
    .from(painLogs)
    .where(and(inArray(painLogs.planId, planIds), gte(painLogs.day, weekAgo), lte(painLogs.day, today)))
    .orderBy(painLogs.day)
    .all();
  const lastTicks = db
    .select({ planId: itemLogs.planId, day: sql<CalendarDate>`max(${itemLogs.day})` })
    .from(itemLogs)
    .where(and(inArray(itemLogs.planId, planIds), lte(itemLogs.day, today)))
    .groupBy(itemLogs.planId)
    .all();
  // SQLite fills a bare column from the row that gave max(): the latest day's score.
  const latestPain = db
    .select({ planId: painLogs.planId, day: sql<CalendarDate>`max(${painLogs.day})`, score: painLogs.score })
    .from(painLogs)
    .where(and(inArray(painLogs.planId, planIds), lte(painLogs.day, today)))
    .groupBy(painLogs.planId)
    .all();

  const lastTickOf = new Map(lastTicks.map((r) => [r.planId, r.day]));
  const latestPainOf = new Map(latestPain.map((r) => [r.planId, { day: r.day, score: r.score }]));
  for (const [patientId, plan] of active) {
    const pain = recentPain.filter((p) => p.planId === plan.id);
    const latest = latestPainOf.get(plan.id) ?? null;
    const lastTick = lastTickOf.get(plan.id) ?? null;
    const lastLogDay = [lastTick, latest?.day ?? null].reduce<CalendarDate | null>((a, b) => (a === null || (b !== null && b > a) ? b : a), null);
    const flags = adherenceFlags({ plan, lastLogDay, pain, today, quietDays });
    const planEnd = addDays(plan.startDate, plan.weeks * 7 - 1);
    let thisWeek: ProgressGlance["thisWeek"] = null;
    const items = issuedItems.get(plan.id);
    // An active plan has always been issued; without a version there is nothing the patient was given to count.
    if (items && today >= plan.startDate && today <= planEnd) {
      const week = planWeek(plan.startDate, plan.weeks, today);
      const targets = weekTargets(items, week.week);
      const soFar = progressSoFar({ targets, ticks: recentTicks.filter((t) => t.planId === plan.id), weekStart: week.start, today });
      thisWeek = { ...soFar, percent: percentOf(soFar.done, soFar.due) };
    }
    result.set(patientId, { planId: plan.id, quiet: flags.quiet, highPain: flags.highPain, lastLogDay, latestPain: latest, thisWeek });
  }
  return result;
}

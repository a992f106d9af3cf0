import "server-only";
import { asc, eq } from "drizzle-orm";
import { clinicSettings, itemLogs, painLogs, planItems, plans, planVersions } from "@/db/schema";
import { adherenceItem, adherenceItemsOf, planAdherence, type PlanAdherence } from "@/lib/adherence";
import type { Actor } from "@/lib/authz";
import { todayIn, type CalendarDate } from "@/lib/calendar-date";
import { NotFoundError } from "@/lib/errors";
import { readDocument } from "@/lib/plan-document";
import type { PlanStatus } from "@/lib/plan-status";
import type { Executor } from "@/db";
import { audited } from "./audit";

export type PlanAdherenceView = PlanAdherence & {
  title: string;
  status: PlanStatus;
  startDate: CalendarDate;
  /** The clinic's date when this was read: what "the last N days" count back from. */
  today: CalendarDate;
  quietDays: number;
};

// Same fallbacks as before the clinic is set up (see db/queries/clinic.ts).
const FALLBACK_TIME_ZONE = "UTC";
const FALLBACK_QUIET_DAYS = 3;

/** The clinic's date now and its quiet-days setting, the two things every adherence reading counts from. */
export function clinicClock(db: Executor): { zone: string; today: CalendarDate; quietDays: number } {
  const settings = db
    .select({ timeZone: clinicSettings.timeZone, quietDays: clinicSettings.quietDaysFlag })
    .from(clinicSettings)
    .where(eq(clinicSettings.id, 1))
    .get();
  const zone = settings?.timeZone ?? FALLBACK_TIME_ZONE;
  return { zone, today: todayIn(zone), quietDays: settings?.quietDays ?? FALLBACK_QUIET_DAYS };
}

/** The staff's view of what the patient logged against a plan. Reading it is audited like reading the plan. */
export function getPlanAdherence({ actor, planId }: { actor: Actor | null; planId: number }): PlanAdherenceView {
  return audited({ actor, permission: "plans:read", action: "plan.adherence", planId }, (db, ctx) => {
    const plan = db
      .select({
        patientId: plans.patientId,
        title: plans.title,
        startDate: plans.startDate,
        weeks: plans.weeks,
        status: plans.status,
        phases: plans.phases,
      })
      .from(plans)
      .where(eq(plans.id, planId))
      .get();
    if (!plan) throw new NotFoundError("Plan");
    ctx.patientId = plan.patientId;

    const items = db
      .select({ id: planItems.id, kind: planItems.kind, dose: planItems.dose, phaseId: planItems.phaseId })
      .from(planItems)
      .where(eq(planItems.planId, planId))
      .all()
      .map(({ phaseId, ...item }) => adherenceItem({ ...item, phaseId: phaseId ?? undefined }, plan.phases, plan.weeks));
    const ticks = db.select({ planItemId: itemLogs.planItemId, day: itemLogs.day }).from(itemLogs).where(eq(itemLogs.planId, planId)).all();
    const pain = db
      .select({ day: painLogs.day, score: painLogs.score, comment: painLogs.comment })
      .from(painLogs)
      .where(eq(painLogs.planId, planId))
      .orderBy(asc(painLogs.day))
      .all();
    const { zone, today, quietDays } = clinicClock(db);
    // What the patient was given, version by version: each week is counted against the version in force then.
    const versions = db
      .select({ document: planVersions.document, issuedAt: planVersions.issuedAt })
      .from(planVersions)
      .where(eq(planVersions.planId, planId))
      .orderBy(asc(planVersions.number))
      .all()
      .map((v) => ({ from: todayIn(zone, v.issuedAt), items: adherenceItemsOf(readDocument(v.document)) }));
    const adherence = planAdherence({
      plan: { startDate: plan.startDate, weeks: plan.weeks, status: plan.status, items, versions },
      itemLogs: ticks,
      painLogs: pain,
      today,
      quietDays,
    });
    return { ...adherence, title: plan.title, status: plan.status, startDate: plan.startDate, today, quietDays };
  });
}

import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { patients, plans, planVersions } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { NotFoundError, RuleError } from "@/lib/errors";
import { canonicalDocument, planDocumentSchema, readDocument, type PlanDocument } from "@/lib/plan-document";
import { audited } from "./audit";
import { latestVersion, loadDraftRows, phasesField, rawItem, versionColumns } from "./plans";

/**
 * Issued versions of a plan. A version's document is written once, here, and
 * never changed afterwards (the database refuses UPDATE and DELETE on
 * plan_versions too), so (plan id, number) names one document for good.
 */

export type IssuedVersion = {
  planId: number;
  number: number;
  issuedAt: Date;
  issuedByName: string;
  readonly document: Readonly<PlanDocument>;
};

/**
 * Issues the plan's draft as its next version, inside the caller's transaction.
 * Idempotent: a draft equal to the newest version gives that version back
 * (a double click or a second tab makes no second version). An empty draft or
 * an item that fails its schema is refused, naming the item.
 */
export function issueDraft(db: Executor, planId: number, actor: Pick<Actor, "userId" | "name">): { number: number; created: boolean } {
  const plan = db
    .select({
      title: plans.title,
      goal: plans.goal,
      startDate: plans.startDate,
      weeks: plans.weeks,
      precautions: plans.precautions,
      phases: plans.phases,
    })
    .from(plans)
    .where(eq(plans.id, planId))
    .get();
  if (!plan) throw new NotFoundError("Plan");
  const rows = loadDraftRows(db, planId);
  if (rows.length === 0) throw new RuleError("This plan has no items yet. Add at least one item before giving it to the patient.", "items");
  const { phases, ...header } = plan;
  const parsed = planDocumentSchema.safeParse({ format: "stride.plan-document/1", ...header, ...phasesField(phases), items: rows.map(rawItem) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const index = issue.path[0] === "items" && typeof issue.path[1] === "number" ? issue.path[1] : null;
    if (index !== null)
      throw new RuleError(`${rows[index].name}: ${issue.message} Fix this item before giving the plan to the patient.`, `item-${rows[index].id}`);
    throw new RuleError(`${issue.message} Fix this before giving the plan to the patient.`);
  }
  const latest = latestVersion(db, planId);
  const json = canonicalDocument(parsed.data);
  // Versions are stored in canonical form, so the text usually answers at once (no parse); the parse covers anything stored otherwise.
  if (latest && (latest.document === json || canonicalDocument(readDocument(latest.document)) === json))
    return { number: latest.number, created: false };
  const number = (latest?.number ?? 0) + 1;
  db.insert(planVersions).values({ planId, number, document: json, issuedBy: actor.userId, issuedByName: actor.name, issuedAt: new Date() }).run();
  return { number, created: true };
}

/** "Issue changes" in the editor. */
export function issuePlanVersion({ actor, planId }: { actor: Actor | null; planId: number }) {
  return audited({ actor, permission: "plans:write", action: "plan.issue", planId }, (db, ctx) => {
    ctx.patientId = patientOf(db, planId);
    const result = issueDraft(db, planId, actor!);
    ctx.detail = result.created ? `issued v${result.number}` : `v${result.number} unchanged`;
    return result;
  });
}

function patientOf(db: Executor, planId: number): number {
  const plan = db.select({ patientId: plans.patientId }).from(plans).where(eq(plans.id, planId)).get();
  if (!plan) throw new NotFoundError("Plan");
  return plan.patientId;
}

/** A version row as the frozen IssuedVersion every reader gets. */
function issued(planId: number, row: { number: number; document: string; issuedAt: Date; issuedByName: string }): IssuedVersion {
  return { planId, number: row.number, issuedAt: row.issuedAt, issuedByName: row.issuedByName, document: Object.freeze(readDocument(row.document)) };
}

function readVersion(db: Executor, planId: number, number: number): IssuedVersion {
  const row = db
    .select(versionColumns)
    .from(planVersions)
    .where(and(eq(planVersions.planId, planId), eq(planVersions.number, number)))
    .get();
  if (!row) throw new NotFoundError("Plan version");
  return issued(planId, row);
}

/** The newest issued version (no permission check: the share link holder's path). */
export function readLatestVersion(db: Executor, planId: number): IssuedVersion | null {
  const latest = latestVersion(db, planId);
  return latest ? issued(planId, latest) : null;
}

export type VersionForPrint = IssuedVersion & { patientId: number; patientName: string; status: string };

/**
 * The version a handout or calendar file shows: the one asked for, or (with no
 * number) the draft issued now, which is the newest version when nothing changed.
 */
export function versionForHandout({
  actor,
  planId,
  number,
  purpose,
}: {
  actor: Actor | null;
  planId: number;
  number?: number;
  purpose: "print" | "calendar" | "version";
}): VersionForPrint {
  return audited({ actor, permission: number === undefined ? "plans:write" : "plans:read", action: `plan.${purpose}`, planId }, (db, ctx) => {
    const plan = db
      .select({ patientId: plans.patientId, patientName: patients.name, status: plans.status })
      .from(plans)
      .innerJoin(patients, eq(patients.id, plans.patientId))
      .where(eq(plans.id, planId))
      .get();
    if (!plan) throw new NotFoundError("Plan");
    ctx.patientId = plan.patientId;
    const n = number ?? issueDraft(db, planId, actor!).number;
    ctx.detail = `v${n}`;
    return { ...readVersion(db, planId, n), ...plan };
  });
}

/** Every issued version of a plan, oldest first, for the history page. */
export function listPlanVersions({ actor, planId }: { actor: Actor | null; planId: number }): IssuedVersion[] {
  return audited({ actor, permission: "plans:read", action: "plan.versions", planId }, (db, ctx) => {
    ctx.patientId = patientOf(db, planId);
    return db
      .select(versionColumns)
      .from(planVersions)
      .where(eq(planVersions.planId, planId))
      .orderBy(asc(planVersions.number))
      .all()
      .map((row) => issued(planId, row));
  });
}

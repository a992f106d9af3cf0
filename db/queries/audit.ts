import "server-only";
import { and, desc, eq, getTableColumns, gte, lt, count, sql, type SQL } from "drizzle-orm";
import { ZodError } from "zod";
import { getDb, type Executor } from "@/db";
import { appendAuditRow } from "@/db/audit-chain";
import { auditEvents, patients } from "@/db/schema";
import type { AuditOutcome } from "@/lib/audit-labels";
import { assertCan, ForbiddenError, type Actor, type Permission } from "@/lib/authz";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";

export type AuditContext = { patientId: number | null; planId: number | null; detail: string };

function insertAudit(
  db: Executor,
  actor: Pick<Actor, "userId" | "name"> | null | { linkId: number },
  action: string,
  ctx: AuditContext,
  outcome: AuditOutcome,
  address: string | null = null,
) {
  const byLink = actor !== null && "linkId" in actor;
  appendAuditRow(db, {
    at: new Date(),
    actorId: byLink ? `link:${actor.linkId}` : (actor?.userId ?? null),
    actorName: byLink ? `Patient's link #${actor.linkId}` : (actor?.name ?? "Not signed in"),
    action,
    patientId: ctx.patientId,
    planId: ctx.planId,
    outcome,
    detail: ctx.detail.slice(0, 300),
    address,
  });
}

// Errors audited() has already written a row for, so the action wrapper does not write a second one.
const auditedErrors = new WeakSet<object>();

/** Whether the query layer already recorded this failure in the audit log. */
export function isAudited(error: unknown): boolean {
  return typeof error === "object" && error !== null && auditedErrors.has(error);
}

/**
 * A security event that is not a read or change of a record: a sign-in, a
 * sign-out, an ended session, an attempt refused before reaching the query
 * layer. `actor` is who it was (or who it claimed to be), `address` where
 * the request came from.
 */
export function recordAuditEvent({
  actor,
  action,
  outcome,
  detail = "",
  address = null,
  db = getDb(),
}: {
  actor: Pick<Actor, "userId" | "name"> | null;
  action: string;
  outcome: AuditOutcome;
  detail?: string;
  address?: string | null;
  /** The caller's transaction, when the event belongs with a change it makes. */
  db?: Executor;
}) {
  insertAudit(db, actor, action, { patientId: null, planId: null, detail }, outcome, address);
}

/**
 * Runs a read or change of patient data with its audit row: permission check,
 * one IMMEDIATE transaction holding both the work and the "ok" row, and a
 * "denied" or "refused" row when it does not go through. The body may fill
 * in the patient and plan it found.
 */
export function audited<T>(
  {
    actor,
    permission,
    action,
    patientId = null,
    planId = null,
  }: { actor: Actor | null; permission: Permission; action: string; patientId?: number | null; planId?: number | null },
  body: (tx: Executor, ctx: AuditContext) => T,
): T {
  const db = getDb();
  const ctx: AuditContext = { patientId, planId, detail: "" };
  try {
    assertCan(actor, permission);
  } catch (error) {
    insertAudit(db, actor, action, ctx, "denied");
    if (typeof error === "object" && error !== null) auditedErrors.add(error);
    throw error;
  }
  try {
    return db.transaction(
      (tx) => {
        const result = body(tx, ctx);
        insertAudit(tx, actor, action, ctx, "ok");
        return result;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    if (
      error instanceof ZodError ||
      error instanceof RuleError ||
      error instanceof ConflictError ||
      error instanceof NotFoundError ||
      error instanceof ForbiddenError
    ) {
      insertAudit(db, actor, action, { ...ctx, detail: error instanceof ZodError ? invalidInputDetail(error) : error.message }, "refused");
      auditedErrors.add(error);
    }
    throw error;
  }
}

/** "invalid input: name, dose.reps": which fields, never the values typed. */
export function invalidInputDetail(error: ZodError): string {
  const fields = [...new Set(error.issues.map((i) => i.path.join(".")).filter(Boolean))];
  return fields.length > 0 ? `invalid input: ${fields.join(", ")}` : "invalid input";
}

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_COUNT_CAP = 10_000;

/**
 * One page of the audit log, newest first, with each row's patient name.
 * Reading the log shows who looked at which patient, so it is itself
 * audited ("audit.view"), under the patient it was filtered to if any.
 */
export function listAuditEvents({
  actor,
  patientId,
  actorId,
  from,
  to,
  page = 1,
}: {
  actor: Actor | null;
  patientId?: number;
  actorId?: string;
  /** Calendar-day bounds as Dates (from inclusive, to exclusive). */
  from?: Date;
  to?: Date;
  page?: number;
}) {
  return audited({ actor, permission: "audit:read", action: "audit.view", patientId: patientId ?? null }, (db, ctx) => {
    ctx.detail = describeFilters({ patientId, actorId, from, to });
    const filters: (SQL | undefined)[] = [
      patientId ? eq(auditEvents.patientId, patientId) : undefined,
      actorId ? eq(auditEvents.actorId, actorId) : undefined,
      from ? gte(auditEvents.at, from) : undefined,
      to ? lt(auditEvents.at, to) : undefined,
    ];
    const where = and(...filters);
    // Counted up to a cap: an exact count over a million rows would cost more than the page itself.
    const counted = db
      .select({ one: sql`1`.as("one") })
      .from(auditEvents)
      .where(where)
      .limit(AUDIT_COUNT_CAP + 1)
      .as("counted");
    const n = db.select({ n: count() }).from(counted).get()?.n ?? 0;
    const rows = db
      .select({ ...getTableColumns(auditEvents), patientName: patients.name })
      .from(auditEvents)
      .leftJoin(patients, eq(patients.id, auditEvents.patientId))
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE)
      .all();
    const more = n > AUDIT_COUNT_CAP;
    const total = Math.min(n, AUDIT_COUNT_CAP);
    // Past the cap the page count is unknown: the pager offers "Next page" while this page is full.
    return {
      rows,
      total,
      more,
      page,
      pageCount: more ? null : Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
      hasNext: more ? rows.length === AUDIT_PAGE_SIZE : page * AUDIT_PAGE_SIZE < total,
    };
  });
}

function describeFilters({ patientId, actorId, from, to }: { patientId?: number; actorId?: string; from?: Date; to?: Date }) {
  const parts = [patientId ? "patient" : "", actorId ? "staff member" : "", from || to ? "dates" : ""].filter(Boolean);
  return parts.length > 0 ? `filtered by ${parts.join(", ")}` : "";
}

/**
 * A read or change made through a patient's share link: recorded as that link,
 * in the caller's transaction. A refused use (bad answers, nothing due) passes "refused".
 */
export function auditByLink(db: Executor, linkId: number, action: string, ctx: Partial<AuditContext>, outcome: AuditOutcome = "ok") {
  insertAudit(db, { linkId }, action, { patientId: null, planId: null, detail: "", ...ctx }, outcome);
}

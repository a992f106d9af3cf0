import "server-only";
import { and, asc, desc, eq, getTableColumns, gt, gte, lt, count, sql, type SQL } from "drizzle-orm";
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
  older,
  newer,
}: {
  actor: Actor | null;
  patientId?: number;
  actorId?: string;
  /** Calendar-day bounds as Dates (from inclusive, to exclusive). */
  from?: Date;
  to?: Date;
  /** The next page: entries older than this id. */
  older?: number;
  /** The previous page: entries newer than this id (ignored when `older` is given). */
  newer?: number;
}) {
  return audited({ actor, permission: "audit:read", action: "audit.view", patientId: patientId ?? null }, (db, ctx) => {
    ctx.detail = describeFilters({ patientId, actorId, from, to });
    const where = auditFilter({ patientId, actorId, from, to });
    // Counted up to a cap: an exact count over a million rows would cost more than the page itself.
    const counted = db
      .select({ one: sql`1`.as("one") })
      .from(auditEvents)
      .where(where)
      .limit(AUDIT_COUNT_CAP + 1)
      .as("counted");
    const n = db.select({ n: count() }).from(counted).get()?.n ?? 0;
    const read = (seek: SQL | undefined, newerFirst: boolean) => auditPageQuery(db, and(where, seek), newerFirst).all();
    let fetched = older ? read(lt(auditEvents.id, older), true) : [];
    let backward = false;
    if (!older && newer) {
      fetched = read(gt(auditEvents.id, newer), false);
      backward = fetched.length > AUDIT_PAGE_SIZE;
    }
    // No cursor, or paging back reached the newest entries: the first page, full.
    if (!older && !backward) fetched = read(undefined, true);
    const rows = fetched.slice(0, AUDIT_PAGE_SIZE);
    if (backward) rows.reverse();
    const hasOlder = backward || fetched.length > AUDIT_PAGE_SIZE;
    const hasNewer = backward || Boolean(older);
    return {
      rows,
      total: Math.min(n, AUDIT_COUNT_CAP),
      more: n > AUDIT_COUNT_CAP,
      /** Cursor for the next (older) page, null on the last. */
      older: hasOlder && rows.length > 0 ? rows[rows.length - 1].id : null,
      /** Cursor for the previous (newer) page, null on the first. */
      newer: hasNewer && rows.length > 0 ? rows[0].id : null,
    };
  });
}

type AuditFilter = { patientId?: number; actorId?: string; from?: Date; to?: Date };

/** The log's filters as one WHERE clause (exported with auditPageQuery for the query-plan test). */
export function auditFilter({ patientId, actorId, from, to }: AuditFilter): SQL | undefined {
  return and(
    patientId ? eq(auditEvents.patientId, patientId) : undefined,
    actorId ? eq(auditEvents.actorId, actorId) : undefined,
    from ? gte(auditEvents.at, from) : undefined,
    to ? lt(auditEvents.at, to) : undefined,
  );
}

/**
 * One page of rows (one more than a page, to tell whether another follows).
 * Keyset paging on the id: a deep page seeks to its first row instead of
 * skipping every row before it. Exported for the query-plan test, which checks
 * that the filtered log reads an index in this order rather than sorting.
 */
export function auditPageQuery(db: Executor, where: SQL | undefined, newerFirst: boolean) {
  return db
    .select({ ...getTableColumns(auditEvents), patientName: patients.name })
    .from(auditEvents)
    .leftJoin(patients, eq(patients.id, auditEvents.patientId))
    .where(where)
    .orderBy(newerFirst ? desc(auditEvents.id) : asc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE + 1);
}

function describeFilters({ patientId, actorId, from, to }: AuditFilter) {
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

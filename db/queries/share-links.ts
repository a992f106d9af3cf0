import "server-only";
import { and, count, desc, eq, gte, isNull, lt, lte } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { clinicSettings, itemLogs, painLogs, patients, planItems, plans, shareLinkMisses, shareLinks } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { todayIn } from "@/lib/calendar-date";
import { NotFoundError, RuleError } from "@/lib/errors";
import type { PatientLogInput } from "@/lib/schemas/patient-log";
import { isTickable } from "@/lib/plan-document";
import { itemRunsInWeek } from "@/lib/plan-phases";
import { planWeek } from "@/lib/weekly-aim";
import { hashShareToken, newShareToken } from "@/lib/share-token";
import { audited, auditByLink } from "./audit";
import { issueDraft, readLatestVersion, type IssuedVersion } from "./plan-versions";

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/**
 * Misses allowed per client address per hour. Past that, a miss from that
 * address is answered only after SHARE_MISS_PAUSE_MS. A valid link is never
 * held back: a care home's shared Wi-Fi full of mistyped links must not lock
 * out the patients whose links are right.
 */
export const SHARE_MISSES_PER_HOUR = 30;
export const SHARE_MISS_PAUSE_MS = 2_000;

/** A new link for the patient; sharing from a plan (`planId`) also issues that plan's draft as a version. */
export function createShareLink({ actor, patientId, days, planId }: { actor: Actor | null; patientId: number; days: number; planId?: number }) {
  return audited({ actor, permission: "plans:write", action: "share.create", patientId, planId: planId ?? null }, (db, ctx) => {
    const patient = db.select({ archivedAt: patients.archivedAt }).from(patients).where(eq(patients.id, patientId)).get();
    if (!patient) throw new NotFoundError("Patient");
    if (patient.archivedAt) throw new RuleError("This patient is archived. Restore them before sharing a plan.");
    if (planId !== undefined) {
      const plan = db.select({ patientId: plans.patientId }).from(plans).where(eq(plans.id, planId)).get();
      if (!plan || plan.patientId !== patientId) throw new NotFoundError("Plan");
      issueDraft(db, planId, actor!);
    }
    const token = newShareToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + days * DAY_MS);
    const link = db
      .insert(shareLinks)
      .values({ patientId, tokenHash: hashShareToken(token), createdBy: actor!.userId, createdAt: now, expiresAt })
      .returning({ id: shareLinks.id })
      .get();
    ctx.detail = `link #${link.id}, ${days} days`;
    return { id: link.id, token, expiresAt };
  });
}

export function listShareLinks({ actor, patientId }: { actor: Actor | null; patientId: number }) {
  return audited({ actor, permission: "plans:read", action: "share.list", patientId }, (db) =>
    db
      .select({ id: shareLinks.id, createdAt: shareLinks.createdAt, expiresAt: shareLinks.expiresAt, revokedAt: shareLinks.revokedAt })
      .from(shareLinks)
      .where(eq(shareLinks.patientId, patientId))
      .orderBy(desc(shareLinks.id))
      .all(),
  );
}

/** Revoking works at once: the next request with that link gets the inactive page. */
export function revokeShareLink({ actor, patientId, linkId }: { actor: Actor | null; patientId: number; linkId: number }) {
  audited({ actor, permission: "plans:write", action: "share.revoke", patientId }, (db, ctx) => {
    const result = db
      .update(shareLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(shareLinks.id, linkId), eq(shareLinks.patientId, patientId), isNull(shareLinks.revokedAt)))
      .run();
    if (result.changes === 0) throw new NotFoundError("Share link");
    ctx.detail = `link #${linkId}`;
  });
}

/** Is this token one of this patient's live links? Used to print its QR code on a handout. */
export function isLiveLinkForPatient(token: string, patientId: number): boolean {
  const link = liveLink(getDb(), token);
  return !!link && link.patientId === patientId;
}

export function liveLink(db: Executor, token: string) {
  const link = db
    .select({
      id: shareLinks.id,
      patientId: shareLinks.patientId,
      expiresAt: shareLinks.expiresAt,
      revokedAt: shareLinks.revokedAt,
      archivedAt: patients.archivedAt,
    })
    .from(shareLinks)
    .innerJoin(patients, eq(patients.id, shareLinks.patientId))
    .where(eq(shareLinks.tokenHash, hashShareToken(token)))
    .get();
  // An archived (discharged) patient's links stop working too.
  if (!link || link.revokedAt || link.archivedAt || link.expiresAt.getTime() <= Date.now()) return null;
  return link;
}

export function activePlanId(db: Executor, patientId: number): number | null {
  const plan = db
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.patientId, patientId), eq(plans.status, "active")))
    .orderBy(desc(plans.startDate), desc(plans.id))
    .get();
  return plan?.id ?? null;
}

function clinicDay(db: Executor) {
  const row = db.select({ timeZone: clinicSettings.timeZone }).from(clinicSettings).where(eq(clinicSettings.id, 1)).get();
  return todayIn(row?.timeZone ?? "UTC");
}

function missesInWindow(db: Executor, address: string, now: number): number {
  return (
    db
      .select({ n: count() })
      .from(shareLinkMisses)
      .where(and(eq(shareLinkMisses.address, address), gte(shareLinkMisses.at, new Date(now - HOUR_MS))))
      .get()?.n ?? 0
  );
}

/**
 * Counts a miss for this address and forgets misses older than the window,
 * so the table holds at most an hour's worth. Past the limit nothing more is
 * written: the address is already slowed down.
 */
export function recordShareMiss(db: Executor, address: string, now = Date.now()) {
  db.delete(shareLinkMisses)
    .where(lt(shareLinkMisses.at, new Date(now - HOUR_MS)))
    .run();
  if (missesInWindow(db, address, now) < SHARE_MISSES_PER_HOUR)
    db.insert(shareLinkMisses)
      .values({ address, at: new Date(now) })
      .run();
}

/** A link that is not even shaped like a token is a miss too. */
export function recordMalformedShareLink(address: string) {
  recordShareMiss(getDb(), address);
}

export function tooManyShareMisses(address: string): boolean {
  return missesInWindow(getDb(), address, Date.now()) >= SHARE_MISSES_PER_HOUR;
}

/** Called after a miss: an address past the limit waits before it hears back, which slows a scanner down without touching valid links. */
export async function slowDownShareMisses(address: string) {
  if (tooManyShareMisses(address)) await new Promise((resolve) => setTimeout(resolve, SHARE_MISS_PAUSE_MS));
}

export type SharedPlan = {
  linkId: number;
  version: IssuedVersion;
  today: string;
  done: number[];
  /** Days ticked so far in the current plan week, per item id (items not ticked this week are absent). */
  doneThisWeek: Record<number, number>;
  pain: { score: number; comment: string } | null;
};

/**
 * What a patient's link shows: the newest issued version of the patient's
 * active plan (never a draft), today's ticks and pain entry. Unknown, expired and revoked links,
 * and a patient with no active plan, all give null, so they look the same.
 */
export function openSharedPlan({
  token,
  address,
  purpose = "view",
}: {
  token: string;
  address: string;
  purpose?: "view" | "calendar";
}): SharedPlan | null {
  return getDb().transaction((tx) => readSharedPlan(tx, { token, address, purpose }), { behavior: "immediate" });
}

/** openSharedPlan inside the caller's IMMEDIATE transaction (the link page reads its measures in the same one). */
export function readSharedPlan(
  tx: Executor,
  { token, address, purpose }: { token: string; address: string; purpose: "view" | "calendar" },
): SharedPlan | null {
  const link = liveLink(tx, token);
  const planId = link ? activePlanId(tx, link.patientId) : null;
  if (!link || planId === null) {
    recordShareMiss(tx, address);
    return null;
  }
  const version = readLatestVersion(tx, planId);
  if (!version) {
    recordShareMiss(tx, address);
    return null;
  }
  const today = clinicDay(tx);
  const done = tx
    .select({ itemId: itemLogs.planItemId })
    .from(itemLogs)
    .where(and(eq(itemLogs.planId, planId), eq(itemLogs.day, today)))
    .all();
  const pain = tx
    .select({ score: painLogs.score, comment: painLogs.comment })
    .from(painLogs)
    .where(and(eq(painLogs.planId, planId), eq(painLogs.day, today)))
    .get();
  const week = planWeek(version.document.startDate, version.document.weeks, today);
  const weekRows = tx
    .select({ itemId: itemLogs.planItemId, days: count() })
    .from(itemLogs)
    .where(and(eq(itemLogs.planId, planId), gte(itemLogs.day, week.start), lte(itemLogs.day, week.end)))
    .groupBy(itemLogs.planItemId)
    .all();
  const doneThisWeek = Object.fromEntries(weekRows.map((r) => [r.itemId, r.days]));
  auditByLink(tx, link.id, `share.${purpose}`, { patientId: link.patientId, planId, detail: `v${version.number}` });
  return { linkId: link.id, version, today, done: done.map((d) => d.itemId), doneThisWeek, pain: pain ?? null };
}

/** `item`: the tick names an item the patient is not shown this week (see recordPatientLog). */
export type PatientLogOutcome = { ok: true } | { ok: false; reason: "link" | "item" };

/**
 * A patient's entry for today. Ticks are idempotent (one per item per day:
 * double taps and two tabs cannot double-count); an undo only touches today;
 * the day's pain entry is replaced by the latest one. A tick is taken only for
 * an exercise or walk of the issued version the link shows that runs in this
 * plan week (its phase, or the whole plan): anything else is refused, saves
 * nothing and is audited as a refusal.
 */
export function recordPatientLog({ token, input, address }: { token: string; input: PatientLogInput; address: string }): PatientLogOutcome {
  const db = getDb();
  return db.transaction(
    (tx): PatientLogOutcome => {
      const link = liveLink(tx, token);
      const planId = link ? activePlanId(tx, link.patientId) : null;
      if (!link || planId === null) {
        recordShareMiss(tx, address);
        return { ok: false, reason: "link" };
      }
      // Entries are made against the version the patient is shown: the newest issued one.
      const version = readLatestVersion(tx, planId);
      if (!version) return { ok: false, reason: "link" };
      const planVersion = version.number;
      const day = clinicDay(tx);
      const now = new Date();
      const ctx = { patientId: link.patientId, planId };
      if (input.kind === "pain") {
        tx.insert(painLogs)
          .values({ planId, day, score: input.score, comment: input.comment, planVersion, updatedAt: now })
          .onConflictDoUpdate({
            target: [painLogs.planId, painLogs.day],
            set: { score: input.score, comment: input.comment, planVersion, updatedAt: now },
          })
          .run();
      } else {
        const refusal = tickRefusal(tx, version, planId, input.itemId, day);
        if (refusal) {
          auditByLink(tx, link.id, "share.log.refused", { ...ctx, detail: `${input.kind} item #${input.itemId}: ${refusal}` }, "refused");
          return { ok: false, reason: "item" };
        }
        if (input.kind === "done")
          tx.insert(itemLogs).values({ planId, planItemId: input.itemId, day, planVersion, createdAt: now }).onConflictDoNothing().run();
        else
          tx.delete(itemLogs)
            .where(and(eq(itemLogs.planItemId, input.itemId), eq(itemLogs.day, day)))
            .run();
      }
      auditByLink(tx, link.id, `share.log.${input.kind}`, ctx);
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

/** Why a tick on `itemId` cannot be taken today, for the audit row; null when it can. */
function tickRefusal(tx: Executor, version: IssuedVersion, planId: number, itemId: number, day: string): string | null {
  const doc = version.document;
  const shown = doc.items.find((it) => it.itemId === itemId);
  if (!shown) return `not in v${version.number}`;
  if (!isTickable(shown)) return "not an exercise or walk";
  const { week } = planWeek(doc.startDate, doc.weeks, day);
  if (!itemRunsInWeek(shown, doc.phases, week)) return `not in week ${week}'s phase`;
  // The row can be gone if the draft dropped it after this version was issued.
  const row = tx
    .select({ id: planItems.id })
    .from(planItems)
    .where(and(eq(planItems.id, itemId), eq(planItems.planId, planId)))
    .get();
  return row ? null : "removed from the plan";
}

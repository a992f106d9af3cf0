import "server-only";
import { and, count, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { measureResults, patients, plans, planVersions, users } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/authz";
import { RuleError } from "@/lib/errors";
import { audited } from "./audit";

/** For the banner on every staff page: is any demo sign-in (published password) still usable? */
export function demoAccountsActive({ actor }: { actor: Actor | null }): boolean {
  assertCan(actor, "patients:read");
  return !!getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.isDemo, true), eq(users.active, true)))
    .limit(1)
    .get();
}

/** What "Remove all demo data" would remove, for the clinic profile page. */
export function demoDataSummary({ actor }: { actor: Actor | null }): { staff: number; patients: number } {
  assertCan(actor, "clinic:write");
  const db = getDb();
  return {
    staff: db.select({ n: count() }).from(users).where(eq(users.isDemo, true)).get()?.n ?? 0,
    patients: db.select({ n: count() }).from(patients).where(eq(patients.isDemo, true)).get()?.n ?? 0,
  };
}

/**
 * Removes every demo record in one transaction: the demo staff (their
 * sessions and sign-in credentials go with them) and the demo patients with
 * their plans, items, links and logs. Audit rows that name them stay, as the
 * log is append-only (they have no foreign keys, so nothing blocks the delete).
 * Records the clinic made itself are never touched, and an active admin of
 * the clinic's own must exist first, so the install is never left without one.
 */
export function removeDemoData({ actor }: { actor: Actor | null }): { removedOwnAccount: boolean } {
  return audited({ actor, permission: "clinic:write", action: "demo.remove" }, (db, ctx) => {
    const ownAdmin = db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.active, true), eq(users.isDemo, false)))
      .limit(1)
      .get();
    if (!ownAdmin)
      throw new RuleError(
        "Add an admin account of your own first (Staff, then Add staff member), so the clinic keeps an admin once the demo accounts are gone.",
      );
    const anyDemo =
      db.select({ id: users.id }).from(users).where(eq(users.isDemo, true)).limit(1).get() ??
      db.select({ id: patients.id }).from(patients).where(eq(patients.isDemo, true)).limit(1).get();
    if (!anyDemo) throw new RuleError("There is no demo data left to remove.");
    const demoPatientIds = db
      .select({ id: patients.id })
      .from(patients)
      .where(eq(patients.isDemo, true))
      .all()
      .map((p) => p.id);
    // Plans, issued versions and measures refuse to outlive their patient; items and logs cascade with the plan, links with the patient.
    // (Issued versions are otherwise never deleted: their trigger lets only a demo patient's go.)
    if (demoPatientIds.length) {
      const demoPlans = db
        .select({ id: plans.id })
        .from(plans)
        .where(inArray(plans.patientId, demoPatientIds))
        .all()
        .map((p) => p.id);
      if (demoPlans.length) db.delete(planVersions).where(inArray(planVersions.planId, demoPlans)).run();
      db.delete(measureResults).where(inArray(measureResults.patientId, demoPatientIds)).run();
    }
    const planCount = demoPatientIds.length ? db.delete(plans).where(inArray(plans.patientId, demoPatientIds)).run().changes : 0;
    const patientCount = demoPatientIds.length ? db.delete(patients).where(inArray(patients.id, demoPatientIds)).run().changes : 0;
    const demoStaff = db.select({ id: users.id }).from(users).where(eq(users.isDemo, true)).all();
    const staffCount = db.delete(users).where(eq(users.isDemo, true)).run().changes;
    ctx.detail = `${staffCount} demo staff accounts, ${patientCount} demo patients, ${planCount} plans`;
    return { removedOwnAccount: demoStaff.some((s) => s.id === actor?.userId) };
  });
}

import Database from "better-sqlite3";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { and, asc, count, eq, gt, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { migrationsFolder, openDatabase, type Db } from "@/db";
import { appendAuditRow, verifyAuditChain } from "@/db/audit-chain";
import { writeStaffUser } from "@/db/credentials";
import { demoAccountsActive, removeDemoData } from "@/db/queries/demo";
import { recordLinkMeasure } from "@/db/queries/measure-link";
import { clinicToday, recordMeasure, setMeasureRequest } from "@/db/queries/measures";
import { createPatient, getPatient } from "@/db/queries/patients";
import { issuePlanVersion } from "@/db/queries/plan-versions";
import { createShareLink, recordPatientLog } from "@/db/queries/share-links";
import {
  accounts,
  auditEvents,
  itemLogs,
  libraryEntries,
  measureResults,
  painLogs,
  patients,
  planItems,
  planMeasureRequests,
  plans,
  planVersions,
  sessions,
  shareLinks,
  users,
} from "@/db/schema";
import { demoStaff, seedDatabase } from "@/db/seed";
import { starterLibrary } from "@/db/seed/library";
import { ForbiddenError, type Actor } from "@/lib/authz";
import { RuleError } from "@/lib/errors";
import { measureRecordSchema } from "@/lib/measures";
import { patientSchema } from "@/lib/schemas/patient";
import { withFreshDatabase } from "./helpers";

const demoEmails = demoStaff.map((s) => s.email);
const n = (
  db: Db,
  table: typeof users | typeof patients | typeof plans | typeof sessions | typeof accounts | typeof shareLinks | typeof itemLogs | typeof planItems,
) => db.select({ n: count() }).from(table).get()!.n;

function realAdmin(db: Db): Actor {
  const { id } = writeStaffUser(db, { name: "Rowan Real", email: "rowan@real-clinic.example", role: "admin", hash: "not-a-real-hash" });
  return { userId: id, name: "Rowan Real", role: "admin", active: true };
}

function actorFor(db: Db, email: string): Actor {
  const u = db.select().from(users).where(eq(users.email, email)).get()!;
  return { userId: u.id, name: u.name, role: u.role, active: u.active };
}

function openSession(db: Db, userId: string) {
  const now = new Date();
  db.insert(sessions)
    .values({
      id: crypto.randomUUID(),
      token: crypto.randomBytes(32).toString("base64url"),
      userId,
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + 3_600_000),
    })
    .run();
}

const auditAfter = (db: Db, id: number) => db.select().from(auditEvents).where(gt(auditEvents.id, id)).orderBy(asc(auditEvents.id)).all();
const lastAuditId = (db: Db) => db.select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id)).all().at(-1)?.id ?? 0;

describe("demo data is seeded only into an empty database", () => {
  it("loads flagged demo staff and a demo patient into a brand-new database", () =>
    withFreshDatabase(async (db) => {
      const result = await seedDatabase(db, { demo: true });
      expect(result).toEqual({ demoLoaded: true, demoRefused: false, demoAccountsActive: true });
      expect(db.select({ email: users.email, isDemo: users.isDemo }).from(users).orderBy(asc(users.email)).all()).toEqual(
        [...demoEmails].sort().map((email) => ({ email, isDemo: true })),
      );
      expect(db.select({ isDemo: patients.isDemo }).from(patients).all()).toEqual([{ isDemo: true }]);
      expect(auditAfter(db, 0).map((r) => [r.action, r.outcome])).toEqual([["demo.load", "ok"]]);
      // Starting again adds nothing.
      expect(await seedDatabase(db, { demo: true })).toEqual({ demoLoaded: false, demoRefused: false, demoAccountsActive: true });
      expect([n(db, users), n(db, patients)]).toEqual([2, 1]);
    }));

  it("never adds demo accounts to a database with a real admin (STRIDE_DEMO unset on a clinic's database)", () =>
    withFreshDatabase(async (db) => {
      await seedDatabase(db, { demo: false });
      realAdmin(db);
      const result = await seedDatabase(db, { demo: true });
      expect(result).toEqual({ demoLoaded: false, demoRefused: true, demoAccountsActive: false });
      expect(db.select({ email: users.email }).from(users).all()).toEqual([{ email: "rowan@real-clinic.example" }]);
      expect(db.select().from(users).where(inArray(users.email, demoEmails)).all()).toEqual([]);
      expect(n(db, patients)).toBe(0);
    }));

  it("never adds demo data to a database that holds a patient, even with no staff yet", () =>
    withFreshDatabase(async (db) => {
      db.insert(patients).values({ name: "Real Person", nameKey: "real person" }).run();
      const result = await seedDatabase(db, { demo: true });
      expect(result.demoLoaded).toBe(false);
      expect([n(db, users), n(db, patients), n(db, plans)]).toEqual([0, 1, 0]);
    }));

  it("tops up the starter library on every start without overwriting a clinic's change", () =>
    withFreshDatabase(async (db) => {
      await seedDatabase(db, { demo: false });
      const [first, second] = starterLibrary;
      db.update(libraryEntries).set({ name: "Our own wording", version: 2 }).where(eq(libraryEntries.slug, first.slug)).run();
      db.delete(libraryEntries).where(eq(libraryEntries.slug, second.slug)).run();
      await seedDatabase(db, { demo: false });
      expect(db.select({ name: libraryEntries.name }).from(libraryEntries).where(eq(libraryEntries.slug, first.slug)).get()).toEqual({
        name: "Our own wording",
      });
      expect(db.select({ name: libraryEntries.name }).from(libraryEntries).where(eq(libraryEntries.slug, second.slug)).get()).toEqual({
        name: second.name,
      });
      expect(db.select({ n: count() }).from(libraryEntries).get()!.n).toBe(starterLibrary.length);
    }));
});

describe("remove all demo data", () => {
  it("removes demo staff with their sessions and the demo patient with plans, links and logs, keeping the clinic's own records and the audit log", () =>
    withFreshDatabase(async (db) => {
      await seedDatabase(db, { demo: true });
      const demoAdmin = actorFor(db, demoEmails[0]);
      const demoTherapist = actorFor(db, demoEmails[1]);
      const demoPatient = db.select({ id: patients.id }).from(patients).where(eq(patients.isDemo, true)).get()!.id;
      const demoPlan = db.select({ id: plans.id }).from(plans).where(eq(plans.patientId, demoPatient)).get()!.id;
      for (const a of [demoAdmin, demoTherapist]) openSession(db, a.userId);

      // Refused while no admin of the clinic's own exists: the install would be left without one.
      let before = lastAuditId(db);
      expect(() => removeDemoData({ actor: demoAdmin })).toThrow(RuleError);
      expect(auditAfter(db, before).map((r) => [r.action, r.outcome])).toEqual([["demo.remove", "refused"]]);
      expect([n(db, users), n(db, patients)]).toEqual([2, 1]);

      const own = realAdmin(db);
      openSession(db, own.userId);
      const ownPatient = createPatient({ actor: demoTherapist, input: patientSchema.parse({ name: "Kept Patient" }) }).id;
      getPatient({ actor: demoTherapist, id: demoPatient });
      const { token } = createShareLink({ actor: demoTherapist, patientId: demoPatient, days: 30 });
      const walk = db
        .select({ id: planItems.id })
        .from(planItems)
        .where(and(eq(planItems.planId, demoPlan), eq(planItems.kind, "walking")))
        .get()!.id;
      expect(recordPatientLog({ token, input: { kind: "done", itemId: walk }, address: "203.0.113.9" })).toEqual({ ok: true });
      const demoAuditRows = db.select().from(auditEvents).where(eq(auditEvents.patientId, demoPatient)).all();
      expect(demoAuditRows.length).toBeGreaterThanOrEqual(3);

      // A therapist may not do it.
      before = lastAuditId(db);
      expect(() => removeDemoData({ actor: demoTherapist })).toThrow(ForbiddenError);
      expect(auditAfter(db, before).map((r) => [r.action, r.outcome])).toEqual([["demo.remove", "denied"]]);

      before = lastAuditId(db);
      expect(removeDemoData({ actor: demoAdmin })).toEqual({ removedOwnAccount: true });

      expect(db.select({ email: users.email }).from(users).all()).toEqual([{ email: "rowan@real-clinic.example" }]);
      expect(db.select({ userId: sessions.userId }).from(sessions).all()).toEqual([{ userId: own.userId }]);
      expect(db.select({ userId: accounts.userId }).from(accounts).all()).toEqual([{ userId: own.userId }]);
      expect(db.select({ id: patients.id }).from(patients).all()).toEqual([{ id: ownPatient }]);
      expect([n(db, plans), n(db, planItems), n(db, shareLinks), n(db, itemLogs)]).toEqual([0, 0, 0, 0]);
      // The audit log keeps every row that named the demo patient, and records the removal.
      expect(db.select().from(auditEvents).where(eq(auditEvents.patientId, demoPatient)).all()).toEqual(demoAuditRows);
      expect(auditAfter(db, before)).toEqual([
        expect.objectContaining({
          action: "demo.remove",
          outcome: "ok",
          actorId: demoAdmin.userId,
          detail: "2 demo staff accounts, 1 demo patients, 1 plans",
        }),
      ]);
      expect(demoAccountsActive({ actor: own })).toBe(false);
      // Nothing is left to remove, and a later start adds nothing back.
      expect(() => removeDemoData({ actor: own })).toThrow(/no demo data/);
      expect((await seedDatabase(db, { demo: true })).demoLoaded).toBe(false);
      expect(n(db, users)).toBe(1);
    }));

  it("removes a demo patient who has issued versions, measures, measure requests, link fills, links and logs, and leaves nothing demo behind", () =>
    withFreshDatabase(async (db) => {
      await seedDatabase(db, { demo: true });
      const demoTherapist = actorFor(db, demoEmails[1]);
      const demoPatient = db.select({ id: patients.id }).from(patients).where(eq(patients.isDemo, true)).get()!.id;
      const demoPlan = db.select({ id: plans.id }).from(plans).where(eq(plans.patientId, demoPatient)).get()!.id;
      const own = realAdmin(db);
      const ownPatient = createPatient({ actor: own, input: patientSchema.parse({ name: "Kept Patient" }) }).id;
      recordMeasure({
        actor: own,
        patientId: ownPatient,
        input: measureRecordSchema.parse({ measure: "nprs", context: "intake", takenOn: clinicToday(db) }),
        answers: { pain: 5 },
      });

      // A clinic trying the demo: issue the plan (twice, with a change between), record a measure, ask for one on the link and fill it there.
      issuePlanVersion({ actor: demoTherapist, planId: demoPlan });
      db.update(plans)
        .set({ startDate: clinicToday(db) })
        .where(eq(plans.id, demoPlan))
        .run();
      issuePlanVersion({ actor: demoTherapist, planId: demoPlan });
      recordMeasure({
        actor: demoTherapist,
        patientId: demoPatient,
        input: measureRecordSchema.parse({ measure: "nprs", context: "intake", takenOn: clinicToday(db) }),
        answers: { pain: 6 },
      });
      setMeasureRequest({ actor: demoTherapist, patientId: demoPatient, planId: demoPlan, measure: "nprs", weeks: [0] });
      const { token } = createShareLink({ actor: demoTherapist, patientId: demoPatient, days: 30 });
      expect(recordLinkMeasure({ token, address: "203.0.113.9", measure: "nprs", answers: { pain: "4" } })).toEqual({ ok: true });
      expect(recordPatientLog({ token, input: { kind: "pain", score: 3, comment: "" }, address: "203.0.113.9" })).toEqual({ ok: true });
      expect(db.select({ n: count() }).from(planVersions).where(eq(planVersions.planId, demoPlan)).get()!.n).toBeGreaterThanOrEqual(2);
      expect(db.select({ n: count() }).from(measureResults).where(eq(measureResults.patientId, demoPatient)).get()!.n).toBe(2);

      const before = lastAuditId(db);
      expect(removeDemoData({ actor: own })).toEqual({ removedOwnAccount: false });
      expect(auditAfter(db, before).map((r) => [r.action, r.outcome])).toEqual([["demo.remove", "ok"]]);

      // Nothing demo is left; the clinic's own patient and measure stay.
      expect(db.select().from(users).where(eq(users.isDemo, true)).all()).toEqual([]);
      expect(db.select({ id: patients.id }).from(patients).all()).toEqual([{ id: ownPatient }]);
      expect(db.select({ patientId: measureResults.patientId }).from(measureResults).all()).toEqual([{ patientId: ownPatient }]);
      for (const table of [plans, planItems, planVersions, planMeasureRequests, shareLinks, itemLogs, painLogs] as const)
        expect(db.select({ n: count() }).from(table).get()!.n).toBe(0);
      expect(() => removeDemoData({ actor: own })).toThrow(/no demo data/);
    }));

  it("shows the banner only while a demo account is active", () =>
    withFreshDatabase(async (db) => {
      await seedDatabase(db, { demo: true });
      const own = realAdmin(db);
      expect(demoAccountsActive({ actor: own })).toBe(true);
      db.update(users).set({ active: false }).where(inArray(users.email, demoEmails)).run();
      expect(demoAccountsActive({ actor: own })).toBe(false);
    }));
});

describe("upgrading a database seeded before demo records were flagged", () => {
  it("flags the old demo staff and patient, so the banner shows and removal finds them, and chains the old audit rows", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-upgrade-"));
    try {
      // The migrations as they stood before this change (0000 to 0003).
      const oldFolder = path.join(dir, "migrations");
      fs.cpSync(migrationsFolder, oldFolder, { recursive: true });
      const journalFile = path.join(oldFolder, "meta", "_journal.json");
      const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
      journal.entries = journal.entries.filter((e) => /^000[0-3]_/.test(e.tag));
      fs.writeFileSync(journalFile, JSON.stringify(journal));
      const file = path.join(dir, "old.db");
      const old = new Database(file);
      migrate(drizzle(old), { migrationsFolder: oldFolder });
      const now = Math.floor(Date.now() / 1000);
      const addUser = old.prepare("INSERT INTO users (id, name, email, role, active, created_at, updated_at) VALUES (?, ?, ?, 'admin', 1, ?, ?)");
      addUser.run("old-demo", "Alex Admin (demo)", demoEmails[0], now, now);
      addUser.run("old-real", "Real Admin", "real@clinic.example", now, now);
      const addPatient = old.prepare("INSERT INTO patients (name, name_key, notes) VALUES (?, ?, ?)");
      addPatient.run("Dana Whitfield (demo)", "dana whitfield (demo)", "Fictional demo patient.");
      addPatient.run("Dana Whitfield (demo)", "dana whitfield (demo)", "A real patient who happens to share the name.");
      const addAudit = old.prepare(
        "INSERT INTO audit_events (at, actor_id, actor_name, action, patient_id, outcome) VALUES (?, 'old-real', 'Real Admin', 'patient.view', 1, 'ok')",
      );
      addAudit.run(now - 60);
      addAudit.run(now - 30);
      old.close();

      const db = openDatabase(file);
      try {
        expect(db.select({ id: users.id, isDemo: users.isDemo }).from(users).orderBy(asc(users.id)).all()).toEqual([
          { id: "old-demo", isDemo: true },
          { id: "old-real", isDemo: false },
        ]);
        expect(db.select({ isDemo: patients.isDemo }).from(patients).orderBy(asc(patients.id)).all()).toEqual([{ isDemo: true }, { isDemo: false }]);
        expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 2, unhashed: 2 });
        appendAuditRow(db, {
          at: new Date(),
          actorId: null,
          actorName: "Not signed in",
          action: "auth.sign-in",
          patientId: null,
          planId: null,
          outcome: "denied",
          detail: "",
          address: "192.0.2.1",
        });
        expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 3, unhashed: 2 });
      } finally {
        db.$client.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

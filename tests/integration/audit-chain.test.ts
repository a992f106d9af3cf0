import { execFileSync } from "node:child_process";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase, type Db } from "@/db";
import { appendAuditRow, verifyAuditChain, type NewAuditRow } from "@/db/audit-chain";
import { recordAuditEvent } from "@/db/queries/audit";
import { createPatient, getPatient } from "@/db/queries/patients";
import { auditEvents } from "@/db/schema";
import { auditRowHash } from "@/lib/audit-hash";
import { patientSchema } from "@/lib/schemas/patient";
import { staff, withFreshDatabase } from "./helpers";

const row = (detail: string): NewAuditRow => ({
  at: new Date(),
  actorId: "u1",
  actorName: "Pat",
  action: "patient.view",
  patientId: 1,
  planId: null,
  outcome: "ok",
  detail,
  address: null,
});

/** Some ordinary app activity: each call writes audit rows through audited(). */
function activity() {
  const id = createPatient({ actor: staff, input: patientSchema.parse({ name: "Chain Patient" }) }).id;
  getPatient({ actor: staff, id });
  recordAuditEvent({ actor: null, action: "auth.sign-in", outcome: "denied", detail: "as someone@example.com", address: "198.51.100.7" });
  getPatient({ actor: staff, id });
}

/** Tampering the way someone with the file would: triggers dropped, then put back. */
function withTriggersDropped(db: Db, sql: string) {
  const client = db.$client;
  const triggers = client.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'").all() as {
    name: string;
    sql: string;
  }[];
  for (const t of triggers) client.exec(`DROP TRIGGER ${t.name}`);
  client.exec(sql);
  for (const t of triggers) client.exec(t.sql);
}

const ids = (db: Db) =>
  db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .orderBy(asc(auditEvents.id))
    .all()
    .map((r) => r.id);

describe("append-only audit log", () => {
  it("refuses INSERT OR REPLACE over an existing row, which would skip the delete trigger", () =>
    withFreshDatabase((db) => {
      activity();
      const [first] = ids(db);
      const original = db.select().from(auditEvents).where(eq(auditEvents.id, first)).get();
      const client = db.$client;
      expect(() =>
        client
          .prepare(
            "INSERT OR REPLACE INTO audit_events (id, at, actor_name, action, outcome, detail) VALUES (?, 0, 'Nobody', 'patient.view', 'ok', 'rewritten')",
          )
          .run(first),
      ).toThrow(/cannot be replaced/);
      expect(() =>
        client.prepare("REPLACE INTO audit_events (id, at, actor_name, action, outcome) VALUES (?, 0, 'Nobody', 'x', 'ok')").run(first),
      ).toThrow(/cannot be replaced/);
      expect(db.select().from(auditEvents).where(eq(auditEvents.id, first)).get()).toEqual(original);
      expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 4, unhashed: 0 });
    }));
});

describe("audit hash chain", () => {
  it("stores a SHA-256 per row over its content and the previous row's hash, and verifies intact", () =>
    withFreshDatabase((db) => {
      activity();
      const rows = db.select().from(auditEvents).orderBy(asc(auditEvents.id)).all();
      expect(rows).toHaveLength(4);
      for (const r of rows) expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(new Set(rows.map((r) => r.hash)).size).toBe(4);
      expect(rows[2]).toMatchObject({ action: "auth.sign-in", address: "198.51.100.7" });
      expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 4, unhashed: 0 });
    }));

  it("finds a row edited behind the app's back", () =>
    withFreshDatabase((db) => {
      activity();
      const [, second] = ids(db);
      withTriggersDropped(db, `UPDATE audit_events SET outcome = 'denied' WHERE id = ${second}`);
      expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: second });
    }));

  it("finds a removed row at the row after it", () =>
    withFreshDatabase((db) => {
      activity();
      const [, second, third] = ids(db);
      withTriggersDropped(db, `DELETE FROM audit_events WHERE id = ${second}`);
      expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: third });
    }));

  it("finds an edit whose own hash was recomputed, at the next row", () =>
    withFreshDatabase((db) => {
      activity();
      const [first, second, third] = ids(db);
      const previous = db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.id, first)).get()!.hash!;
      const edited = db.select().from(auditEvents).where(eq(auditEvents.id, second)).get()!;
      const forged = auditRowHash(previous, { ...edited, at: Math.floor(edited.at.getTime() / 1000), detail: "nothing to see" });
      withTriggersDropped(db, `UPDATE audit_events SET detail = 'nothing to see', hash = '${forged}' WHERE id = ${second}`);
      expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: third });
    }));

  it("finds a row slipped in without a hash after the chain began", () =>
    withFreshDatabase((db) => {
      activity();
      db.$client.prepare("INSERT INTO audit_events (at, actor_name, action, outcome) VALUES (0, 'Forger', 'patient.view', 'ok')").run();
      const last = ids(db).at(-1);
      expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: last });
    }));

  it("chains rows from before the upgrade implicitly: the first hashed row covers them", () =>
    withFreshDatabase((db) => {
      const client = db.$client;
      for (const detail of ["old 1", "old 2", "old 3"])
        client
          .prepare("INSERT INTO audit_events (at, actor_name, action, outcome, detail) VALUES (1700000000, 'Old staff', 'patient.view', 'ok', ?)")
          .run(detail);
      expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 3, unhashed: 3 });
      activity();
      expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 7, unhashed: 3 });
      const [, oldTwo, , firstHashed] = ids(db);
      withTriggersDropped(db, `UPDATE audit_events SET detail = 'changed' WHERE id = ${oldTwo}`);
      expect(verifyAuditChain(db)).toMatchObject({ ok: false, brokenAt: firstHashed });
    }));

  it("stays one chain when two connections write in turn (each append is its own IMMEDIATE transaction)", () =>
    withFreshDatabase((db, file) => {
      const other = openDatabase(file, { migrate: false });
      try {
        for (let i = 0; i < 20; i++) appendAuditRow(i % 2 === 0 ? db : other, row(`write ${i}`));
        // Inside a caller's transaction the append joins it as a savepoint.
        other.transaction((tx) => appendAuditRow(tx, row("in a transaction")), { behavior: "immediate" });
      } finally {
        other.$client.close();
      }
      expect(verifyAuditChain(db)).toEqual({ ok: true, rows: 21, unhashed: 0 });
    }));

  it(
    "npm run audit:verify reports the chain intact, then the first broken link",
    () =>
      withFreshDatabase((db, file) => {
        activity();
        const run = () => {
          try {
            return {
              code: 0,
              out: execFileSync("npx", ["tsx", "scripts/audit-verify.ts"], {
                env: { ...process.env, STRIDE_DB_PATH: file },
                encoding: "utf8",
                stdio: "pipe",
              }),
            };
          } catch (error) {
            const e = error as { status: number; stderr: string };
            return { code: e.status, out: e.stderr };
          }
        };
        expect(run()).toEqual({ code: 0, out: expect.stringContaining("Audit chain intact, 4 rows.") });
        const [, , third] = ids(db);
        withTriggersDropped(db, `UPDATE audit_events SET actor_name = 'Someone else' WHERE id = ${third}`);
        expect(run()).toEqual({ code: 1, out: expect.stringContaining(`Audit chain broken at row ${third}`) });
      }),
    60_000,
  );
});

import { asc, count, eq, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { getDb } from "@/db";
import { audited, listAuditEvents } from "@/db/queries/audit";
import { createPatient, getPatient } from "@/db/queries/patients";
import { addPlanItem, createPlan, updatePlanItemDose } from "@/db/queries/plans";
import { auditEvents, patients, planItems, plans } from "@/db/schema";
import { ForbiddenError, type Actor } from "@/lib/authz";
import { RuleError } from "@/lib/errors";
import { patientSchema } from "@/lib/schemas/patient";
import { auditDateBounds } from "@/lib/schemas/audit";
import { planSchema } from "@/lib/schemas/plan";
import { admin, entryId, inactive, staff, uniqueName } from "./helpers";

function newPatient(name = uniqueName("Audit patient")) {
  return createPatient({ actor: staff, input: patientSchema.parse({ name }) }).id;
}

function newPlan() {
  const patientId = newPatient();
  const input = planSchema.parse({ title: uniqueName("Plan"), goal: "Climb stairs", startDate: "2026-03-02", weeks: "6" });
  return { patientId, planId: createPlan({ actor: staff, patientId, input }).id };
}

function lastAuditId() {
  return getDb().select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id)).all().at(-1)?.id ?? 0;
}

/** The audit rows written since `after`, oldest first. */
function auditSince(after: number) {
  return getDb().select().from(auditEvents).where(gt(auditEvents.id, after)).orderBy(asc(auditEvents.id)).all();
}

function countOf(table: typeof auditEvents | typeof patients) {
  return getDb().select({ n: count() }).from(table).get()?.n ?? 0;
}

function someone(): Actor {
  return { userId: uniqueName("user").replace(/\s/g, "-"), name: uniqueName("Someone"), role: "therapist", active: true };
}

describe("audit trail", () => {
  it("writes one ok row when a patient record is read", () => {
    const id = newPatient();
    const before = lastAuditId();
    getPatient({ actor: staff, id });
    expect(auditSince(before)).toEqual([
      expect.objectContaining({
        action: "patient.view",
        outcome: "ok",
        patientId: id,
        actorId: staff.userId,
        actorName: staff.name,
        at: expect.any(Date),
      }),
    ]);
  });

  it("writes a denied row when a deactivated account tries to read", () => {
    const id = newPatient();
    const before = lastAuditId();
    expect(() => getPatient({ actor: inactive, id })).toThrow(ForbiddenError);
    expect(auditSince(before)).toEqual([
      expect.objectContaining({ action: "patient.view", outcome: "denied", patientId: id, actorId: inactive.userId }),
    ]);
  });

  it("writes a refused row for a bad dose and changes nothing", () => {
    const { planId } = newPlan();
    const { id: itemId } = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") });
    const db = getDb();
    const itemBefore = db.select().from(planItems).where(eq(planItems.id, itemId)).get()!;
    const planBefore = db.select().from(plans).where(eq(plans.id, planId)).get()!;
    const before = lastAuditId();

    expect(() => updatePlanItemDose({ actor: staff, planId, itemId, dose: { ...(itemBefore.dose as object), reps: -5 } })).toThrow(ZodError);

    expect(auditSince(before)).toEqual([
      expect.objectContaining({ action: "plan.item.dose", outcome: "refused", planId, detail: "invalid input: reps" }),
    ]);
    expect(db.select().from(planItems).where(eq(planItems.id, itemId)).get()).toEqual(itemBefore);
    expect(db.select().from(plans).where(eq(plans.id, planId)).get()).toEqual(planBefore);
  });

  it("commits a change and its audit row together", () => {
    const [patientsBefore, auditBefore] = [countOf(patients), countOf(auditEvents)];
    const id = newPatient();
    expect([countOf(patients), countOf(auditEvents)]).toEqual([patientsBefore + 1, auditBefore + 1]);
    expect(auditSince(lastAuditId() - 1)[0]).toMatchObject({ action: "patient.create", outcome: "ok", patientId: id });
  });

  it("rolls the change back when the work fails after writing, leaving only the refused row", () => {
    const [patientsBefore, before] = [countOf(patients), lastAuditId()];
    expect(() =>
      audited({ actor: staff, permission: "patients:write", action: "patient.create" }, (tx) => {
        tx.insert(patients).values({ name: "Half-made", nameKey: "half-made" }).run();
        throw new RuleError("Stopped on purpose.");
      }),
    ).toThrow(RuleError);
    expect(countOf(patients)).toBe(patientsBefore);
    expect(auditSince(before)).toEqual([expect.objectContaining({ action: "patient.create", outcome: "refused", detail: "Stopped on purpose." })]);
  });

  it("does not keep a change whose audit row could not be written", () => {
    const client = getDb().$client;
    const patientsBefore = countOf(patients);
    client.exec("CREATE TEMP TRIGGER audit_fails BEFORE INSERT ON audit_events BEGIN SELECT RAISE(ABORT, 'audit disk full'); END;");
    try {
      expect(() => newPatient()).toThrow(/audit disk full/);
    } finally {
      client.exec("DROP TRIGGER audit_fails;");
    }
    expect(countOf(patients)).toBe(patientsBefore);
  });

  it("refuses raw UPDATE and DELETE of audit rows", () => {
    newPatient();
    const client = getDb().$client;
    const total = countOf(auditEvents);
    const last = lastAuditId();
    const row = auditSince(last - 1)[0];
    expect(() => client.prepare("UPDATE audit_events SET outcome = 'ok', detail = 'tampered' WHERE id = ?").run(last)).toThrow(/cannot be changed/);
    expect(() => client.prepare("DELETE FROM audit_events WHERE id = ?").run(last)).toThrow(/cannot be deleted/);
    expect(() => client.prepare("DELETE FROM audit_events").run()).toThrow(/cannot be deleted/);
    expect(countOf(auditEvents)).toBe(total);
    expect(auditSince(last - 1)[0]).toEqual(row);
  });
});

describe("listAuditEvents", () => {
  it("filters by patient, newest first, with the patient's name", () => {
    const name = uniqueName("Listed patient");
    const [a, b] = [newPatient(name), newPatient()];
    getPatient({ actor: staff, id: a });
    getPatient({ actor: admin, id: b });
    const { rows, total, more, older, newer } = listAuditEvents({ actor: admin, patientId: a });
    expect({ total, more, older, newer }).toEqual({ total: 2, more: false, older: null, newer: null });
    expect(rows.map((r) => [r.action, r.patientId, r.patientName])).toEqual([
      ["patient.view", a, name],
      ["patient.create", a, name],
    ]);
  });

  it("pages past the counting cap without counting every row", () => {
    const a = newPatient();
    for (let i = 0; i < 60; i++) getPatient({ actor: staff, id: a });
    const first = listAuditEvents({ actor: admin, patientId: a });
    expect(first).toMatchObject({ total: 61, more: false, newer: null });
    const second = listAuditEvents({ actor: admin, patientId: a, older: first.older! });
    expect(second).toMatchObject({ older: null, newer: second.rows[0].id });
    // Every entry once, newest first, across the two pages; going back gives the first page again.
    const ids = [...first.rows, ...second.rows].map((r) => r.id);
    expect(ids).toEqual(ids.toSorted((x, y) => y - x));
    expect(new Set(ids).size).toBe(61);
    expect(listAuditEvents({ actor: admin, patientId: a, newer: second.newer! }).rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
  });

  it("writes its own row, so looking at the log is on the record too", () => {
    const a = newPatient();
    const before = lastAuditId();
    listAuditEvents({ actor: admin, patientId: a });
    expect(auditSince(before)).toEqual([
      expect.objectContaining({ action: "audit.view", outcome: "ok", actorId: admin.userId, patientId: a, detail: "filtered by patient" }),
    ]);
    expect(listAuditEvents({ actor: admin, patientId: a }).rows[0]).toMatchObject({ action: "audit.view", patientId: a });
  });

  it("filters by staff member", () => {
    const [one, other] = [someone(), someone()];
    const id = newPatient();
    getPatient({ actor: one, id });
    getPatient({ actor: other, id });
    getPatient({ actor: one, id });
    const { rows, total } = listAuditEvents({ actor: admin, actorId: one.userId });
    expect(total).toBe(2);
    expect(rows.every((r) => r.actorId === one.userId && r.actorName === one.name)).toBe(true);
  });

  it("filters by date range, from inclusive and to exclusive", () => {
    const actor = someone();
    const at = (iso: string) => new Date(iso);
    for (const iso of ["2020-01-01T04:59:59Z", "2020-01-01T05:00:00Z", "2020-01-02T12:00:00Z", "2020-01-03T04:59:59Z", "2020-01-03T05:00:00Z"])
      getDb()
        .insert(auditEvents)
        .values({ at: at(iso), actorId: actor.userId, actorName: actor.name, action: "patient.view", outcome: "ok", detail: iso })
        .run();
    const list = (bounds: { from?: Date; to?: Date }) =>
      listAuditEvents({ actor: admin, actorId: actor.userId, ...bounds }).rows.map((r) => r.detail);

    expect(list({ from: at("2020-01-01T05:00:00Z"), to: at("2020-01-03T05:00:00Z") })).toEqual([
      "2020-01-03T04:59:59Z",
      "2020-01-02T12:00:00Z",
      "2020-01-01T05:00:00Z",
    ]);
    // The page's path: clinic calendar days in New York (UTC-5 in January).
    expect(list(auditDateBounds({ from: "2020-01-02", to: "2020-01-02" }, "America/New_York"))).toEqual([
      "2020-01-03T04:59:59Z",
      "2020-01-02T12:00:00Z",
    ]);
    expect(list(auditDateBounds({ from: "2020-01-01", to: "2020-01-02" }, "America/New_York"))).toEqual([
      "2020-01-03T04:59:59Z",
      "2020-01-02T12:00:00Z",
      "2020-01-01T05:00:00Z",
    ]);
    expect(list(auditDateBounds({ from: "2020-01-03" }, "America/New_York"))).toEqual(["2020-01-03T05:00:00Z"]);
    expect(list(auditDateBounds({ to: "2019-12-31" }, "America/New_York"))).toEqual(["2020-01-01T04:59:59Z"]);
  });

  it("is for admins only: a therapist is refused, and the attempt is logged", () => {
    const before = lastAuditId();
    expect(() => listAuditEvents({ actor: staff })).toThrow(ForbiddenError);
    expect(() => listAuditEvents({ actor: inactive })).toThrow(ForbiddenError);
    expect(() => listAuditEvents({ actor: { ...admin, active: false } })).toThrow(ForbiddenError);
    expect(auditSince(before).map((r) => [r.action, r.outcome])).toEqual([
      ["audit.view", "denied"],
      ["audit.view", "denied"],
      ["audit.view", "denied"],
    ]);
  });
});

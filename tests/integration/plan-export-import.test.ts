import { count, eq } from "drizzle-orm";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDb, openDatabase, setDbForTests } from "@/db";
import { createPatient } from "@/db/queries/patients";
import { exportPatientRecord, exportPlanDocument, importPlanDocument } from "@/db/queries/plan-export";
import { issuePlanVersion } from "@/db/queries/plan-versions";
import { addPlanItem, createPlan, getPlan, setPlanStatus, updatePlanItemDose } from "@/db/queries/plans";
import { createShareLink, recordPatientLog } from "@/db/queries/share-links";
import { auditEvents, libraryEntries, planItems, plans } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { ForbiddenError } from "@/lib/authz";
import { planDocumentSchema, withoutIds, type PlanDocument } from "@/lib/plan-document";
import { parsePlanFile } from "@/lib/plan-import";
import { patientSchema } from "@/lib/schemas/patient";
import { planSchema } from "@/lib/schemas/plan";
import { entryId, inactive, staff, uniqueName } from "./helpers";

function newPatient() {
  return createPatient({ actor: staff, input: patientSchema.parse({ name: uniqueName("Export patient") }) }).id;
}

/** A plan with every kind of item, one of them from text no library holds, issued twice. */
function issuedPlan() {
  const patientId = newPatient();
  const planId = createPlan({
    actor: staff,
    patientId,
    input: planSchema.parse({
      title: uniqueName("Exported plan"),
      goal: "Walk to the shop",
      startDate: "2026-03-02",
      weeks: "6",
      precautions: "Osteoporosis",
    }),
  }).id;
  addPlanItem({ actor: staff, planId, libraryEntryId: entryId("steady-walk") });
  const dog = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("bird-dog") }).id;
  addPlanItem({ actor: staff, planId, libraryEntryId: entryId("physical-therapy-session") });
  addPlanItem({ actor: staff, planId, libraryEntryId: entryId("supportive-footwear") });
  setPlanStatus({ actor: staff, id: planId, status: "active" });
  updatePlanItemDose({
    actor: staff,
    planId,
    itemId: dog,
    dose: { sets: 2, reps: 8, holdSeconds: 3, restSeconds: 30, side: "both", load: "", timesPerDay: 1, daysPerWeek: 5, note: "Keep your back flat." },
  });
  issuePlanVersion({ actor: staff, planId });
  return { patientId, planId, dog };
}

/** Runs `body` against a brand-new database (migrated and seeded like a fresh install), then puts the test's database back. */
async function inFreshDatabase<T>(body: () => T): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-fresh-"));
  const previous = getDb();
  const fresh = openDatabase(path.join(dir, "fresh.db"));
  try {
    await seedDatabase(fresh, { demo: false });
    setDbForTests(fresh);
    return body();
  } finally {
    setDbForTests(previous);
    fresh.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("export", () => {
  it("exports any version, validating against the schema, and audits the read", () => {
    const { planId, patientId } = issuedPlan();
    const v1 = exportPlanDocument({ actor: staff, planId, number: 1 });
    const newest = exportPlanDocument({ actor: staff, planId });
    expect(v1.version).toBe(1);
    expect(newest.version).toBe(2);
    expect(planDocumentSchema.safeParse(JSON.parse(JSON.stringify(v1.document))).success).toBe(true);
    expect(newest.document.items.map((i) => i.kind)).toEqual(["walking", "exercise", "visit", "education"]);
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, "plan.export"))
      .all()
      .filter((r) => r.planId === planId);
    expect(audit.map((r) => [r.outcome, r.patientId, r.detail])).toEqual([
      ["ok", patientId, "v1"],
      ["ok", patientId, "v2"],
    ]);
    expect(() => exportPlanDocument({ actor: inactive, planId })).toThrow(ForbiddenError);
  });

  it("exports a patient's whole record: details, plans, versions, ticks and pain", () => {
    const { planId, patientId, dog } = issuedPlan();
    const link = createShareLink({ actor: staff, patientId, days: 30 });
    recordPatientLog({ token: link.token, input: { kind: "done", itemId: dog }, address: "192.0.2.90" });
    recordPatientLog({ token: link.token, input: { kind: "pain", score: 4, comment: "Stiff" }, address: "192.0.2.90" });
    const record = exportPatientRecord({ actor: staff, patientId });
    expect(record.format).toBe("stride.patient-record/1");
    expect(record.patient.name).toMatch(/^Export patient/);
    expect(record.plans).toHaveLength(1);
    const [plan] = record.plans;
    expect(plan.planId).toBe(planId);
    expect(plan.versions.map((v) => v.number)).toEqual([1, 2]);
    expect(plan.ticks).toEqual([expect.objectContaining({ itemId: dog, planVersion: 2 })]);
    expect(plan.pain).toEqual([expect.objectContaining({ score: 4, comment: "Stiff", planVersion: 2 })]);
    expect(
      getDb()
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, "patient.export"))
        .all()
        .some((r) => r.patientId === patientId),
    ).toBe(true);
  });
});

describe("import", () => {
  it("round-trips: export, import into a fresh database, issue, export again gives the same document (ids aside)", async () => {
    const { planId } = issuedPlan();
    // One item whose library text this clinic wrote itself: a fresh install does not have it.
    const custom = getDb()
      .insert(libraryEntries)
      .values({
        source: "custom",
        name: uniqueName("Clinic towel stretch"),
        category: "stretch",
        kind: "exercise",
        bodyRegions: ["legs"],
        steps: ["Loop the towel.", "Pull gently."],
        cautions: ["Stop if it pinches."],
        defaultDose: { sets: null, reps: null, holdSeconds: 30, restSeconds: null, side: "both", load: "", timesPerDay: 1, daysPerWeek: 7, note: "" },
        oneSided: true,
      })
      .returning({ id: libraryEntries.id })
      .get().id;
    addPlanItem({ actor: staff, planId, libraryEntryId: custom });
    issuePlanVersion({ actor: staff, planId });
    const exported = exportPlanDocument({ actor: staff, planId }).document;
    const file = JSON.stringify(exported, null, 2);

    const again = await inFreshDatabase((): PlanDocument => {
      const parsed = parsePlanFile(file);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      const patientId = newPatient();
      const imported = importPlanDocument({ actor: staff, patientId, document: parsed.document });
      expect(imported.createdEntries).toBe(1);
      const draft = getPlan({ actor: staff, id: imported.id });
      expect(draft.status).toBe("draft");
      issuePlanVersion({ actor: staff, planId: imported.id });
      return exportPlanDocument({ actor: staff, planId: imported.id }).document;
    });
    expect(withoutIds(again)).toEqual(withoutIds(exported));
    expect(again.items.at(-1)?.entry.steps).toEqual(["Loop the towel.", "Pull gently."]);
  });

  const countPlans = () => getDb().select({ n: count() }).from(plans).get()!.n;
  const countItems = () => getDb().select({ n: count() }).from(planItems).get()!.n;
  const validFile = (): PlanDocument => exportPlanDocument({ actor: staff, planId: issuedPlan().planId }).document;

  type BadFile = readonly [label: string, makeFile: () => string, expected: readonly (string | RegExp)[]];
  it.each<BadFile>([
    ["not JSON at all", () => "{ this is not json", ["(the whole file): This file is not JSON. Export a plan from Stride and import that file."]],
    ["another kind of file", () => JSON.stringify({ name: "A spreadsheet" }), [/^format: This is not a Stride plan document/]],
    [
      "a dose out of range",
      (): string => {
        const doc = validFile();
        doc.items.push({ ...doc.items[1] });
        const dog = doc.items[1];
        if (dog.kind === "exercise") doc.items[3] = { ...dog, dose: { ...dog.dose, reps: 500 } };
        return JSON.stringify(doc);
      },
      ["items[3].dose.reps: Reps can be at most 100."],
    ],
    [
      "an unknown kind of item",
      () => JSON.stringify({ ...validFile(), items: [{ kind: "yoga", itemId: null, dose: {}, entry: {} }] }),
      [/^items\[0\]\.kind: Each item needs a kind/],
    ],
    ["no items", () => JSON.stringify({ ...validFile(), items: [] }), ["items: A plan needs at least one item."]],
    [
      "visits longer than the plan and a bad date",
      () => JSON.stringify({ ...validFile(), weeks: 1, startDate: "2026-13-01" }),
      ["startDate: Start date must be a real date (YYYY-MM-DD).", "items[2].dose.spans: These visits run 4 weeks, but the plan is 1 week long."],
    ],
  ])("refuses %s with its problems by JSON path and changes nothing", (_label, makeFile, expected) => {
    const text = makeFile();
    const plansBefore = countPlans();
    const itemsBefore = countItems();
    const parsed = parsePlanFile(text);
    expect(parsed.ok).toBe(false);
    const lines = parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`);
    expect(lines).toHaveLength(expected.length);
    expected.forEach((e, i) => (typeof e === "string" ? expect(lines[i]).toBe(e) : expect(lines[i]).toMatch(e)));
    expect(countPlans()).toBe(plansBefore);
    expect(countItems()).toBe(itemsBefore);
  });
});

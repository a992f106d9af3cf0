import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createCustomEntry, updateCustomEntry } from "@/db/queries/library";
import { createPatient } from "@/db/queries/patients";
import { issuePlanVersion, listPlanVersions, versionForHandout } from "@/db/queries/plan-versions";
import { addPlanItem, createPlan, getPlan, setPlanStatus, updatePlanItemDose } from "@/db/queries/plans";
import { createShareLink, openSharedPlan, recordPatientLog } from "@/db/queries/share-links";
import { itemLogs, painLogs, planItems, planVersions } from "@/db/schema";
import type { ExerciseDose } from "@/lib/dose";
import { RuleError } from "@/lib/errors";
import { describeDose } from "@/lib/dose-wording";
import { libraryEntrySchema } from "@/lib/schemas/library-entry";
import { patientSchema } from "@/lib/schemas/patient";
import { planSchema } from "@/lib/schemas/plan";
import { admin, entryId, staff, uniqueName } from "./helpers";

function newPlan() {
  const patientId = createPatient({ actor: staff, input: patientSchema.parse({ name: uniqueName("Versions patient") }) }).id;
  const planId = createPlan({
    actor: staff,
    patientId,
    input: planSchema.parse({ title: uniqueName("Plan"), startDate: "2026-03-02", weeks: "6" }),
  }).id;
  return { patientId, planId };
}

const dose = (d: Partial<ExerciseDose> = {}): ExerciseDose => ({
  sets: 2,
  reps: 10,
  holdSeconds: null,
  restSeconds: null,
  side: "both",
  load: "",
  timesPerDay: 1,
  daysPerWeek: 7,
  note: "",
  ...d,
});
const versionRows = (planId: number) => getDb().select().from(planVersions).where(eq(planVersions.planId, planId)).all();

describe("issuing versions", () => {
  it("issues v1 when a plan is made active, makes no second version of an unchanged draft, and v2 after an edit", () => {
    const { planId } = newPlan();
    const bridge = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge"), dose: dose() }).id;
    expect(getPlan({ actor: staff, id: planId }).issued).toBeNull();
    setPlanStatus({ actor: staff, id: planId, status: "active" });
    expect(getPlan({ actor: staff, id: planId }).issued).toMatchObject({ number: 1, unissuedChanges: false, issuedByName: staff.name });

    // A double click, a second tab, printing and sharing the same draft: still one version.
    expect(issuePlanVersion({ actor: staff, planId })).toEqual({ number: 1, created: false });
    expect(issuePlanVersion({ actor: staff, planId })).toEqual({ number: 1, created: false });
    expect(versionForHandout({ actor: staff, planId, purpose: "print" }).number).toBe(1);
    expect(versionRows(planId)).toHaveLength(1);

    updatePlanItemDose({ actor: staff, planId, itemId: bridge, dose: dose({ reps: 12 }) });
    expect(getPlan({ actor: staff, id: planId }).issued).toMatchObject({ number: 1, unissuedChanges: true });
    expect(issuePlanVersion({ actor: staff, planId })).toEqual({ number: 2, created: true });
    const versions = listPlanVersions({ actor: staff, planId });
    expect(versions.map((v) => v.number)).toEqual([1, 2]);
    const reps = versions.map((v) => (v.document.items[0].kind === "exercise" ? v.document.items[0].dose.reps : null));
    expect(reps).toEqual([10, 12]);
  });

  it("refuses an empty plan and an item whose stored dose fails its schema, naming the item", () => {
    const { planId } = newPlan();
    expect(() => issuePlanVersion({ actor: staff, planId })).toThrow(/no items/);
    const bridge = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") }).id;
    // Written past the query layer, as an old or hand-edited database might hold it.
    getDb()
      .update(planItems)
      .set({ dose: dose({ reps: 500 }) })
      .where(eq(planItems.id, bridge))
      .run();
    let refused: unknown;
    try {
      issuePlanVersion({ actor: staff, planId });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(RuleError);
    expect((refused as RuleError).message).toMatch(/^Glute bridge: Reps can be at most 100\./);
    expect((refused as RuleError).field).toBe(`item-${bridge}`);
    // The editor still opens, showing the item's problem.
    expect(getPlan({ actor: staff, id: planId }).problems).toEqual([expect.objectContaining({ id: bridge, name: "Glute bridge" })]);
    expect(versionRows(planId)).toHaveLength(0);
  });

  it("keeps an issued version exactly as it was after the library entry changes", () => {
    const { planId } = newPlan();
    const input = libraryEntrySchema.parse({
      name: uniqueName("Towel stretch"),
      category: "stretch",
      bodyRegions: ["legs"],
      steps: "Sit tall.\nPull gently.",
      cautions: "",
    });
    const custom = createCustomEntry({ actor: admin, input }).id;
    addPlanItem({ actor: staff, planId, libraryEntryId: custom });
    setPlanStatus({ actor: staff, id: planId, status: "active" });
    const v1 = versionForHandout({ actor: staff, planId, number: 1, purpose: "version" }).document;

    updateCustomEntry({ actor: admin, id: custom, version: 1, input: { ...input, name: "Renamed stretch", steps: ["Completely new steps."] } });
    const again = versionForHandout({ actor: staff, planId, number: 1, purpose: "version" }).document;
    expect(again).toEqual(v1);
    expect(again.items[0].entry.steps).toEqual(["Sit tall.", "Pull gently."]);
    // The draft follows the library, so the editor offers to issue the change.
    expect(getPlan({ actor: staff, id: planId }).issued?.unissuedChanges).toBe(true);
  });

  it("refuses to change or delete an issued version at the database level", () => {
    const { planId } = newPlan();
    addPlanItem({ actor: staff, planId, libraryEntryId: entryId("bird-dog") });
    issuePlanVersion({ actor: staff, planId });
    const db = getDb();
    expect(() => db.update(planVersions).set({ document: "{}" }).where(eq(planVersions.planId, planId)).run()).toThrow(/cannot be changed/);
    expect(() => db.delete(planVersions).where(eq(planVersions.planId, planId)).run()).toThrow(/cannot be deleted/);
  });

  it("snapshots the one-side flag so the dose says 'each side'", () => {
    const { planId } = newPlan();
    addPlanItem({ actor: staff, planId, libraryEntryId: entryId("bird-dog"), dose: dose({ sets: 2, reps: 8 }) });
    issuePlanVersion({ actor: staff, planId });
    const item = versionForHandout({ actor: staff, planId, number: 1, purpose: "version" }).document.items[0];
    expect(item.entry.oneSided).toBe(true);
    expect(describeDose(item)).toBe("Do 2 rounds of 8 repeats, each side. Do this once a day, every day.");
  });
});

describe("the patient's link and versions", () => {
  it("shows the newest issued version, never the unissued draft, and records the version with ticks and pain", () => {
    const { planId, patientId } = newPlan();
    const bridge = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge"), dose: dose() }).id;
    setPlanStatus({ actor: staff, id: planId, status: "active" });
    const link = createShareLink({ actor: staff, patientId, days: 30, planId });
    const address = "192.0.2.77";
    expect(recordPatientLog({ token: link.token, input: { kind: "done", itemId: bridge }, address })).toEqual({ ok: true });
    expect(getDb().select().from(itemLogs).where(eq(itemLogs.planItemId, bridge)).get()?.planVersion).toBe(1);

    updatePlanItemDose({ actor: staff, planId, itemId: bridge, dose: dose({ reps: 15 }) });
    const shownBefore = openSharedPlan({ token: link.token, address })!;
    expect(shownBefore.version.number).toBe(1);
    expect(shownBefore.version.document.items[0].kind === "exercise" && shownBefore.version.document.items[0].dose.reps).toBe(10);

    issuePlanVersion({ actor: staff, planId });
    expect(openSharedPlan({ token: link.token, address })!.version.number).toBe(2);
    recordPatientLog({ token: link.token, input: { kind: "pain", score: 3, comment: "" }, address });
    expect(
      getDb()
        .select()
        .from(painLogs)
        .where(and(eq(painLogs.planId, planId)))
        .get()?.planVersion,
    ).toBe(2);
  });

  it("sharing a plan issues its draft", () => {
    const { planId, patientId } = newPlan();
    addPlanItem({ actor: staff, planId, libraryEntryId: entryId("bird-dog") });
    createShareLink({ actor: staff, patientId, days: 30, planId });
    expect(versionRows(planId)).toHaveLength(1);
  });
});

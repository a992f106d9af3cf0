import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { getDb } from "@/db";
import { createPatient, setPatientArchived } from "@/db/queries/patients";
import {
  addPlanItem,
  createPlan,
  duplicatePlan,
  getPlan,
  listPlansForPatient,
  removePlanItem,
  reorderPlanItems,
  setPlanStatus,
  updatePlan,
  updatePlanItemDose,
} from "@/db/queries/plans";
import { planItems } from "@/db/schema";
import { ForbiddenError } from "@/lib/authz";
import type { ExerciseDose, VisitDose } from "@/lib/dose";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { patientSchema } from "@/lib/schemas/patient";
import { planSchema } from "@/lib/schemas/plan";
import { admin, entryId, inactive, staff, uniqueName } from "./helpers";

function newPatient() {
  return createPatient({ actor: staff, input: patientSchema.parse({ name: uniqueName("Plan patient") }) }).id;
}

function newPlan(weeks = 6, patientId = newPatient()) {
  const input = planSchema.parse({ title: uniqueName("Plan"), goal: "Garden again", startDate: "2026-03-02", weeks: String(weeks) });
  return { patientId, planId: createPlan({ actor: staff, patientId, input }).id, input };
}

const bridgeDose: ExerciseDose = {
  sets: 3,
  reps: 12,
  holdSeconds: 3,
  restSeconds: 60,
  side: "both",
  load: "",
  timesPerDay: 1,
  daysPerWeek: 3,
  note: "",
};

describe("plans", () => {
  it("adds items from the library with their default doses, in order", () => {
    const { planId } = newPlan();
    addPlanItem({ actor: staff, planId, libraryEntryId: entryId("steady-walk") });
    addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") });
    const plan = getPlan({ actor: staff, id: planId });
    expect(plan.items.map((i) => [i.kind, i.entry.name, i.position])).toEqual([
      ["walking", expect.any(String), 0],
      ["exercise", expect.any(String), 1],
    ]);
    expect(plan.items[1].entry.steps.length).toBeGreaterThan(0);
  });

  it("saves a new dose and refuses an out-of-range one without changing anything", () => {
    const { planId } = newPlan();
    const { id: itemId } = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") });
    updatePlanItemDose({ actor: staff, planId, itemId, dose: bridgeDose });
    expect(getPlan({ actor: staff, id: planId }).items[0].dose).toEqual(bridgeDose);

    for (const bad of [{ reps: -5 }, { sets: 500 }, { reps: 2.5 }, { side: "up" }]) {
      expect(() => updatePlanItemDose({ actor: staff, planId, itemId, dose: { ...bridgeDose, ...bad } })).toThrow(ZodError);
    }
    expect(getPlan({ actor: staff, id: planId }).items[0].dose).toEqual(bridgeDose);
  });

  it("refuses a 900-minute walk", () => {
    const { planId } = newPlan();
    const { id: itemId } = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("steady-walk") });
    const before = getPlan({ actor: staff, id: planId }).items[0].dose;
    try {
      updatePlanItemDose({ actor: staff, planId, itemId, dose: { ...before, minutes: 900 } });
      expect.unreachable();
    } catch (error) {
      expect((error as ZodError).issues[0]).toMatchObject({ path: ["minutes"], message: "Minutes per session can be at most 180 minutes." });
    }
    expect(getPlan({ actor: staff, id: planId }).items[0].dose).toEqual(before);
  });

  it("refuses a visit pattern longer than the plan, and a plan shortened below its visits", () => {
    const { planId, input } = newPlan(4);
    const { id: itemId } = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("physical-therapy-session") });
    const longer: VisitDose = {
      visitType: "physical-therapy",
      spans: [
        { perWeek: 3, weeks: 2 },
        { perWeek: 2, weeks: 4 },
      ],
      note: "",
    };
    expect(() => updatePlanItemDose({ actor: staff, planId, itemId, dose: longer })).toThrow(RuleError);
    const fits: VisitDose = {
      ...longer,
      spans: [
        { perWeek: 3, weeks: 2 },
        { perWeek: 2, weeks: 2 },
      ],
    };
    updatePlanItemDose({ actor: staff, planId, itemId, dose: fits });
    const plan = getPlan({ actor: staff, id: planId });
    expect(() => updatePlan({ actor: staff, id: planId, version: plan.version, input: { ...input, weeks: 3 } })).toThrow(/runs 4 weeks/);
    expect(getPlan({ actor: staff, id: planId }).weeks).toBe(4);
  });

  it("trims a library visit pattern to fit a short plan when it is added", () => {
    const { planId } = newPlan(1);
    addPlanItem({ actor: staff, planId, libraryEntryId: entryId("chiropractic-adjustment") });
    const dose = getPlan({ actor: staff, id: planId }).items[0].dose as VisitDose;
    expect(dose.spans.reduce((n, s) => n + s.weeks, 0)).toBeLessThanOrEqual(1);
  });

  it("reorders items and refuses a list that does not match the plan", () => {
    const { planId } = newPlan();
    const a = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("steady-walk") }).id;
    const b = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") }).id;
    const c = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("cat-camel") }).id;
    reorderPlanItems({ actor: staff, planId, itemIds: [c, a, b] });
    expect(getPlan({ actor: staff, id: planId }).items.map((i) => i.id)).toEqual([c, a, b]);
    expect(() => reorderPlanItems({ actor: staff, planId, itemIds: [a, b] })).toThrow(ConflictError);
    expect(() => reorderPlanItems({ actor: staff, planId, itemIds: [a, a, b] })).toThrow(ConflictError);
    expect(getPlan({ actor: staff, id: planId }).items.map((i) => i.id)).toEqual([c, a, b]);
    removePlanItem({ actor: staff, planId, itemId: a });
    expect(getPlan({ actor: staff, id: planId }).items.map((i) => i.id)).toEqual([c, b]);
  });

  it("will not touch an item through another plan's id", () => {
    const one = newPlan();
    const other = newPlan();
    const itemId = addPlanItem({ actor: staff, planId: one.planId, libraryEntryId: entryId("glute-bridge") }).id;
    expect(() => removePlanItem({ actor: staff, planId: other.planId, itemId })).toThrow(NotFoundError);
    expect(() => updatePlanItemDose({ actor: staff, planId: other.planId, itemId, dose: bridgeDose })).toThrow(NotFoundError);
  });

  it("moves through the statuses and locks completed plans", () => {
    const { planId, input } = newPlan();
    // An empty plan cannot be given to a patient.
    expect(() => setPlanStatus({ actor: staff, id: planId, status: "active" })).toThrow(/no items/);
    addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") });
    setPlanStatus({ actor: staff, id: planId, status: "active" });
    expect(() => setPlanStatus({ actor: staff, id: planId, status: "draft" })).toThrow(RuleError);
    setPlanStatus({ actor: staff, id: planId, status: "completed" });
    expect(() => addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") })).toThrow(/completed/);
    const plan = getPlan({ actor: staff, id: planId });
    expect(() => updatePlan({ actor: staff, id: planId, version: plan.version, input })).toThrow(RuleError);
    setPlanStatus({ actor: staff, id: planId, status: "archived" });
    setPlanStatus({ actor: staff, id: planId, status: "draft" });
    expect(getPlan({ actor: staff, id: planId }).status).toBe("draft");
  });

  it("refuses a stale header edit", () => {
    const { planId, input } = newPlan();
    const v = getPlan({ actor: staff, id: planId }).version;
    updatePlan({ actor: staff, id: planId, version: v, input: { ...input, title: "Newer" } });
    expect(() => updatePlan({ actor: staff, id: planId, version: v, input: { ...input, title: "Older" } })).toThrow(ConflictError);
    expect(getPlan({ actor: staff, id: planId }).title).toBe("Newer");
  });

  it("two staff changing the same dose at once: the second is refused with a clear message and the first's values stay", () => {
    const { planId } = newPlan();
    const itemId = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") }).id;
    // Both open the editor and see the same dose.
    const seenByBoth = getPlan({ actor: staff, id: planId }).items[0].dose as ExerciseDose;
    updatePlanItemDose({ actor: staff, planId, itemId, dose: { ...seenByBoth, reps: 15 }, base: seenByBoth });
    const refused = (() => {
      try {
        updatePlanItemDose({ actor: admin, planId, itemId, dose: { ...seenByBoth, sets: 3 }, base: seenByBoth });
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as Error).message).toMatch(/someone else changed this dose/i);
    // Nothing lost: the first change stands, and the second person's reload shows it.
    const current = getPlan({ actor: admin, id: planId }).items[0].dose as ExerciseDose;
    expect(current).toMatchObject({ reps: 15, sets: seenByBoth.sets });
    // Making the change again from the values now shown goes through, keeping both edits.
    updatePlanItemDose({ actor: admin, planId, itemId, dose: { ...current, sets: 3 }, base: { ...current } });
    expect(getPlan({ actor: staff, id: planId }).items[0].dose).toMatchObject({ reps: 15, sets: 3 });
  });

  it("duplicates a plan with its items as a draft, for the same or another patient", () => {
    const { planId, patientId } = newPlan();
    addPlanItem({ actor: staff, planId, libraryEntryId: entryId("steady-walk") });
    const bridge = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") }).id;
    updatePlanItemDose({ actor: staff, planId, itemId: bridge, dose: bridgeDose });
    setPlanStatus({ actor: staff, id: planId, status: "active" });

    const other = newPatient();
    const copy = duplicatePlan({ actor: staff, id: planId, patientId: other });
    const copied = getPlan({ actor: staff, id: copy.id });
    expect(copied).toMatchObject({ patientId: other, status: "draft", goal: "" });
    expect(copied.items.map((i) => i.dose)).toEqual(getPlan({ actor: staff, id: planId }).items.map((i) => i.dose));
    expect(listPlansForPatient({ actor: staff, patientId }).map((p) => p.id)).toEqual([planId]);
    // Each plan counts its own items (a bare "id" in the count once compared item ids with plan ids).
    expect(listPlansForPatient({ actor: staff, patientId }).map((p) => p.itemCount)).toEqual([getPlan({ actor: staff, id: planId }).items.length]);
    expect(listPlansForPatient({ actor: staff, patientId: other }).map((p) => p.itemCount)).toEqual([copied.items.length]);

    // The copy is independent of the original.
    updatePlanItemDose({ actor: staff, planId: copy.id, itemId: copied.items[1].id, dose: { ...bridgeDose, reps: 8 } });
    expect((getPlan({ actor: staff, id: planId }).items[1].dose as ExerciseDose).reps).toBe(12);
  });

  it("writes a duplicate all or nothing", () => {
    const { planId, patientId } = newPlan();
    addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") });
    addPlanItem({ actor: staff, planId, libraryEntryId: entryId("steady-walk") });
    const target = newPatient();
    const plansBefore = listPlansForPatient({ actor: staff, patientId: target });
    const itemsBefore = getDb().select().from(planItems).all().length;
    // The copy's plan row goes in first, then its items: make the items fail, after the plan row is written.
    const sqlite = getDb().$client;
    sqlite.exec(
      `CREATE TEMP TRIGGER fail_copied_items BEFORE INSERT ON plan_items WHEN NEW.plan_id <> ${planId} BEGIN SELECT RAISE(ABORT, 'copy interrupted'); END`,
    );
    try {
      expect(() => duplicatePlan({ actor: staff, id: planId, patientId: target })).toThrow(/copy interrupted/);
    } finally {
      sqlite.exec("DROP TRIGGER fail_copied_items");
    }
    expect(listPlansForPatient({ actor: staff, patientId: target })).toEqual(plansBefore);
    expect(getDb().select().from(planItems).all().length).toBe(itemsBefore);
    // Without the fault the same copy goes through whole.
    const copy = duplicatePlan({ actor: staff, id: planId, patientId: target });
    expect(getPlan({ actor: staff, id: copy.id }).items).toHaveLength(2);
    expect(listPlansForPatient({ actor: staff, patientId })).toHaveLength(1);
  });

  it("refuses a copy for an archived patient and writes nothing", () => {
    const { planId } = newPlan();
    addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") });
    const archived = newPatient();
    setPatientArchived({ actor: staff, id: archived, archived: true });
    const before = getDb().select().from(planItems).all().length;
    expect(() => duplicatePlan({ actor: staff, id: planId, patientId: archived })).toThrow(RuleError);
    expect(getDb().select().from(planItems).all().length).toBe(before);
    expect(listPlansForPatient({ actor: staff, patientId: archived })).toEqual([]);
  });

  it("does not copy one patient's precautions or goal to another patient, but keeps them for the same patient", () => {
    const patientId = newPatient();
    const input = planSchema.parse({
      title: uniqueName("Careful plan"),
      goal: "Lift my grandson",
      startDate: "2026-03-02",
      weeks: "6",
      precautions: "Osteoporosis: no loaded spinal flexion",
    });
    const planId = createPlan({ actor: staff, patientId, input }).id;
    expect(getPlan({ actor: staff, id: planId }).precautions).toBe("Osteoporosis: no loaded spinal flexion");
    const other = duplicatePlan({ actor: staff, id: planId, patientId: newPatient() });
    expect(getPlan({ actor: staff, id: other.id })).toMatchObject({ precautions: "", goal: "" });
    const same = duplicatePlan({ actor: staff, id: planId, patientId });
    expect(getPlan({ actor: staff, id: same.id })).toMatchObject({ precautions: "Osteoporosis: no loaded spinal flexion", goal: "Lift my grandson" });
  });

  it("deletes a plan's items with it, never leaving orphans", () => {
    const { planId } = newPlan();
    addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") });
    getDb().$client.prepare("delete from plans where id = ?").run(planId);
    expect(getDb().select().from(planItems).where(eq(planItems.planId, planId)).all()).toEqual([]);
  });

  it("refuses everything to a deactivated actor", () => {
    const { planId } = newPlan();
    expect(() => getPlan({ actor: inactive, id: planId })).toThrow(ForbiddenError);
    expect(() => addPlanItem({ actor: inactive, planId, libraryEntryId: entryId("glute-bridge") })).toThrow(ForbiddenError);
  });
});

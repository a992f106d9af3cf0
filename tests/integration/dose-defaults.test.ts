import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { getDb } from "@/db";
import { forgetUsualDose, saveUsualDose } from "@/db/queries/dose-defaults";
import { createPatient } from "@/db/queries/patients";
import { addPlanItem, applyDaysPerWeekToExercises, createPlan, getPlan, setPlanStatus, updatePlanItemDose } from "@/db/queries/plans";
import { auditEvents, doseDefaults, planItems } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import type { ExerciseDose } from "@/lib/dose";
import { NotFoundError, RuleError } from "@/lib/errors";
import { patientSchema } from "@/lib/schemas/patient";
import { planSchema } from "@/lib/schemas/plan";
import { entryId, staff, uniqueName } from "./helpers";

const colleague: Actor = { userId: "test-colleague", name: "Other therapist", role: "therapist", active: true };

function newPlan() {
  const patientId = createPatient({ actor: staff, input: patientSchema.parse({ name: uniqueName("Defaults patient") }) }).id;
  const input = planSchema.parse({ title: uniqueName("Plan"), goal: "", startDate: "2026-03-02", weeks: "6" });
  return createPlan({ actor: staff, patientId, input }).id;
}

function doseOf(itemId: number) {
  return getDb().select({ dose: planItems.dose }).from(planItems).where(eq(planItems.id, itemId)).get()!.dose;
}

function auditRows(action: string, planId: number) {
  return getDb()
    .select({ outcome: auditEvents.outcome, detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.planId, planId)))
    .all();
}

const myKneeToChest: ExerciseDose = {
  sets: 2,
  reps: null,
  holdSeconds: 45,
  restSeconds: null,
  side: "alternating",
  load: "",
  timesPerDay: 2,
  daysPerWeek: 6,
  note: "Slowly.",
};

describe("a therapist's usual dose for a library entry", () => {
  it("is used when that therapist adds the entry again, and only by them", () => {
    const entry = entryId("knee-to-chest-stretch");
    const first = newPlan();
    const itemId = addPlanItem({ actor: staff, planId: first, libraryEntryId: entry }).id;
    const libraryDefault = doseOf(itemId);
    updatePlanItemDose({ actor: staff, planId: first, itemId, dose: myKneeToChest });

    saveUsualDose({ actor: staff, planId: first, itemId });
    expect(auditRows("dose-default.save", first)).toEqual([{ outcome: "ok", detail: expect.stringContaining("usual dose") }]);

    const second = newPlan();
    const again = addPlanItem({ actor: staff, planId: second, libraryEntryId: entry }).id;
    expect(doseOf(again)).toEqual(myKneeToChest);
    expect(auditRows("plan.item.add", second)[0].detail).toContain("your usual dose");

    // Someone else still starts from the library's default.
    const theirs = addPlanItem({ actor: colleague, planId: second, libraryEntryId: entry }).id;
    expect(doseOf(theirs)).toEqual(libraryDefault);
  });

  it("saving again replaces the one saved before (one row per therapist and entry)", () => {
    const entry = entryId("cat-camel");
    const planId = newPlan();
    const itemId = addPlanItem({ actor: staff, planId, libraryEntryId: entry }).id;
    saveUsualDose({ actor: staff, planId, itemId });
    updatePlanItemDose({ actor: staff, planId, itemId, dose: { ...(doseOf(itemId) as ExerciseDose), reps: 15 } });
    saveUsualDose({ actor: staff, planId, itemId });
    const rows = getDb()
      .select({ dose: doseDefaults.dose })
      .from(doseDefaults)
      .where(and(eq(doseDefaults.userId, staff.userId), eq(doseDefaults.libraryEntryId, entry)))
      .all();
    expect(rows).toHaveLength(1);
    expect((rows[0].dose as ExerciseDose).reps).toBe(15);
  });

  it("refuses an item of another plan and a tip, and writes nothing", () => {
    const planId = newPlan();
    const other = newPlan();
    const itemId = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("bird-dog") }).id;
    expect(() => saveUsualDose({ actor: staff, planId: other, itemId })).toThrow(/not found/i);
    const tip = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("supportive-footwear") }).id;
    expect(() => saveUsualDose({ actor: staff, planId, itemId: tip })).toThrow(RuleError);
    expect(
      getDb()
        .select()
        .from(doseDefaults)
        .where(eq(doseDefaults.libraryEntryId, entryId("bird-dog")))
        .all(),
    ).toHaveLength(0);
    expect(() => saveUsualDose({ actor: null, planId, itemId })).toThrow();
  });
});

describe("forgetting a usual dose", () => {
  const forgetRows = () =>
    getDb()
      .select({ actorId: auditEvents.actorId, outcome: auditEvents.outcome, detail: auditEvents.detail })
      .from(auditEvents)
      .where(eq(auditEvents.action, "dose-default.forget"))
      .all();

  it("shows the viewer their own usual dose in words, and forgetting it brings back the library's dose", () => {
    const entry = entryId("piriformis-stretch");
    const planId = newPlan();
    const itemId = addPlanItem({ actor: staff, planId, libraryEntryId: entry }).id;
    const libraryDefault = doseOf(itemId);
    updatePlanItemDose({ actor: staff, planId, itemId, dose: myKneeToChest });
    saveUsualDose({ actor: staff, planId, itemId });
    saveUsualDose({ actor: colleague, planId, itemId });

    const mine = getPlan({ actor: staff, id: planId }).usualDoses;
    expect(mine).toEqual([{ libraryEntryId: entry, words: expect.stringContaining("45 seconds") }]);

    const before = forgetRows().length;
    forgetUsualDose({ actor: staff, libraryEntryId: entry });
    expect(forgetRows().slice(before)).toEqual([
      { actorId: staff.userId, outcome: "ok", detail: expect.stringMatching(/^usual dose for Piriformis/) },
    ]);
    expect(getPlan({ actor: staff, id: planId }).usualDoses).toEqual([]);
    const later = newPlan();
    expect(doseOf(addPlanItem({ actor: staff, planId: later, libraryEntryId: entry }).id)).toEqual(libraryDefault);

    // The colleague's own usual dose for the same entry is untouched.
    expect(getPlan({ actor: colleague, id: planId }).usualDoses).toHaveLength(1);
    expect(doseOf(addPlanItem({ actor: colleague, planId: later, libraryEntryId: entry }).id)).toEqual(myKneeToChest);
  });

  it("reaches only the therapist's own: someone without one gets 'not found', audited as refused, and nothing goes", () => {
    const entry = entryId("levator-scapulae-stretch");
    const planId = newPlan();
    const itemId = addPlanItem({ actor: staff, planId, libraryEntryId: entry }).id;
    saveUsualDose({ actor: staff, planId, itemId });
    const before = forgetRows().length;
    expect(() => forgetUsualDose({ actor: colleague, libraryEntryId: entry })).toThrow(NotFoundError);
    expect(() => forgetUsualDose({ actor: null, libraryEntryId: entry })).toThrow();
    expect(
      forgetRows()
        .slice(before)
        .map((r) => [r.actorId, r.outcome]),
    ).toEqual([
      [colleague.userId, "refused"],
      [null, "denied"],
    ]);
    expect(
      getDb()
        .select()
        .from(doseDefaults)
        .where(and(eq(doseDefaults.userId, staff.userId), eq(doseDefaults.libraryEntryId, entry)))
        .all(),
    ).toHaveLength(1);
  });
});

describe("apply days per week to all exercises", () => {
  it("sets every exercise in one audited write and leaves walks and visits alone", () => {
    const planId = newPlan();
    const exercises = ["glute-bridge", "cat-camel", "bird-dog"].map(
      (slug) => addPlanItem({ actor: staff, planId, libraryEntryId: entryId(slug) }).id,
    );
    const walk = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("steady-walk") }).id;
    const walkBefore = doseOf(walk);

    expect(applyDaysPerWeekToExercises({ actor: staff, planId, daysPerWeek: 3 })).toEqual({ changed: 3, daysPerWeek: 3 });
    for (const id of exercises) expect((doseOf(id) as ExerciseDose).daysPerWeek).toBe(3);
    expect(doseOf(walk)).toEqual(walkBefore);
    expect(auditRows("plan.item.days-all", planId)).toEqual([{ outcome: "ok", detail: "3 exercises set to 3 days a week" }]);
    expect(
      getPlan({ actor: staff, id: planId })
        .items.filter((i) => i.kind === "exercise")
        .every((i) => i.kind === "exercise" && i.dose.daysPerWeek === 3),
    ).toBe(true);
  });

  it("refuses a bad number and a closed plan, changing nothing", () => {
    const planId = newPlan();
    const id = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") }).id;
    const before = doseOf(id);
    expect(() => applyDaysPerWeekToExercises({ actor: staff, planId, daysPerWeek: 8 })).toThrow(ZodError);
    expect(() => applyDaysPerWeekToExercises({ actor: staff, planId, daysPerWeek: "3" })).toThrow(ZodError);
    setPlanStatus({ actor: staff, id: planId, status: "active" });
    setPlanStatus({ actor: staff, id: planId, status: "completed" });
    expect(() => applyDaysPerWeekToExercises({ actor: staff, planId, daysPerWeek: 2 })).toThrow(RuleError);
    expect(doseOf(id)).toEqual(before);
    expect(auditRows("plan.item.days-all", planId).map((r) => r.outcome)).toEqual(["refused", "refused", "refused"]);
  });
});

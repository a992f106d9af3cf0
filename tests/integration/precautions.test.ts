import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createCustomEntry, getLibraryEntry } from "@/db/queries/library";
import { createPatient, updatePatient } from "@/db/queries/patients";
import { addPlanItem, confirmPlanItemConflicts, createPlan, duplicatePlan, getPlan } from "@/db/queries/plans";
import { auditEvents, planItems } from "@/db/schema";
import type { WalkingDose } from "@/lib/dose";
import { RuleError } from "@/lib/errors";
import { itemConflicts, type PrecautionKind } from "@/lib/precautions";
import { libraryEntrySchema } from "@/lib/schemas/library-entry";
import { patientSchema } from "@/lib/schemas/patient";
import { planSchema } from "@/lib/schemas/plan";
import { admin, entryId, staff, uniqueName } from "./helpers";

function patientWith(precautions: PrecautionKind[]) {
  const name = uniqueName("Careful patient");
  return createPatient({
    actor: staff,
    input: patientSchema.parse({ name, precautions, spineSurgeryDate: precautions.includes("spine-surgery") ? "2025-10-01" : "" }),
  }).id;
}

function planFor(patientId: number) {
  return createPlan({ actor: staff, patientId, input: planSchema.parse({ title: uniqueName("Plan"), startDate: "2026-03-02", weeks: "6" }) }).id;
}

const lastAudit = (planId: number, action: string) =>
  getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.planId, planId), eq(auditEvents.action, action)))
    .orderBy(desc(auditEvents.id))
    .get();

describe("precaution conflicts on plan items", () => {
  it("shows the conflict with its reason, and keeps the item with a recorded, audited confirmation", () => {
    const patientId = patientWith(["pregnancy", "spinal-stenosis"]);
    const planId = planFor(patientId);
    const { id: itemId } = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("prone-press-up") });
    expect(lastAudit(planId, "plan.item.add")?.detail).toMatch(/pregnancy, spinal stenosis/);

    const plan = getPlan({ actor: staff, id: planId });
    expect(plan.patientPrecautions).toEqual(["pregnancy", "spinal-stenosis"]);
    const item = plan.items.find((i) => i.id === itemId)!;
    const conflicts = itemConflicts(item.conflictsWith, plan.patientPrecautions);
    expect(conflicts.map((c) => c.precaution)).toEqual(["pregnancy", "spinal-stenosis"]);
    expect(conflicts[1].reason).toMatch(/backward/);
    expect(item.confirmedConflicts).toEqual([]);

    confirmPlanItemConflicts({ actor: staff, planId, itemId });
    const row = getDb().select().from(planItems).where(eq(planItems.id, itemId)).get()!;
    expect(row.confirmedConflicts).toEqual(["pregnancy", "spinal-stenosis"]);
    expect(row.confirmedBy).toBe(staff.name);
    expect(row.confirmedAt).toBeInstanceOf(Date);
    const audit = lastAudit(planId, "plan.item.keep-despite-precaution");
    expect(audit).toMatchObject({ outcome: "ok", patientId, actorId: staff.userId });
    expect(audit?.detail).toMatch(/Prone press-up.*Pregnancy/);
  });

  it("warns again for a precaution added after the confirmation, and not for another patient's copy", () => {
    const patientId = patientWith(["osteoporosis"]);
    const planId = planFor(patientId);
    const { id: itemId } = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("knee-to-chest-stretch") });
    confirmPlanItemConflicts({ actor: staff, planId, itemId });
    updatePatient({
      actor: staff,
      id: patientId,
      version: 1,
      input: patientSchema.parse({ name: "Still careful", precautions: ["osteoporosis", "hip-replacement"] }),
    });
    const item = getPlan({ actor: staff, id: planId }).items[0];
    const open = itemConflicts(item.conflictsWith, ["osteoporosis", "hip-replacement"]).filter(
      (c) => !item.confirmedConflicts.includes(c.precaution),
    );
    expect(open.map((c) => c.precaution)).toEqual(["hip-replacement"]);

    const other = patientWith(["osteoporosis"]);
    const copy = duplicatePlan({ actor: staff, id: planId, patientId: other });
    expect(getPlan({ actor: staff, id: copy.id }).items[0].confirmedConflicts).toEqual([]);
  });

  it("refuses a confirmation when nothing conflicts, and changes nothing", () => {
    const planId = planFor(patientWith([]));
    const { id: itemId } = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("prone-press-up") });
    expect(() => confirmPlanItemConflicts({ actor: staff, planId, itemId })).toThrow(RuleError);
    expect(getDb().select().from(planItems).where(eq(planItems.id, itemId)).get()!.confirmedConflicts).toEqual([]);
    expect(lastAudit(planId, "plan.item.keep-despite-precaution")?.outcome).toBe("refused");
  });

  it("lets a custom entry name the precautions it conflicts with", () => {
    const input = libraryEntrySchema.parse({
      name: uniqueName("Deep squat"),
      category: "strengthen",
      bodyRegions: ["hips"],
      steps: "Squat low.",
      cautions: "",
      conflictsWith: ["hip-replacement", "fall-risk"],
    });
    const { id } = createCustomEntry({ actor: admin, input });
    expect(getLibraryEntry({ actor: staff, id }).conflictsWith).toEqual(["hip-replacement", "fall-risk"]);
  });
});

describe("walking for patients with balance or heart precautions", () => {
  it("starts the library walk with a gentler weekly step", () => {
    const gentle = planFor(patientWith(["heart-condition"]));
    addPlanItem({ actor: staff, planId: gentle, libraryEntryId: entryId("steady-walk") });
    expect((getPlan({ actor: staff, id: gentle }).items[0].dose as WalkingDose).stepMinutes).toBe(2);

    const usual = planFor(patientWith(["osteoporosis"]));
    addPlanItem({ actor: staff, planId: usual, libraryEntryId: entryId("steady-walk") });
    expect((getPlan({ actor: staff, id: usual }).items[0].dose as WalkingDose).stepMinutes).toBe(5);
  });
});

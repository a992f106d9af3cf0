"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { forgetUsualDose, saveUsualDose } from "@/db/queries/dose-defaults";
import {
  addPlanItem,
  applyDaysPerWeekToExercises,
  confirmPlanItemConflicts,
  createPlan,
  duplicatePlan,
  removePlanItem,
  reorderPlanItems,
  setPlanStatus,
  updatePlan,
  updatePlanItemDose,
} from "@/db/queries/plans";
import { importPlanDocument } from "@/db/queries/plan-export";
import { setPlanItemPhase, setPlanPhases } from "@/db/queries/plan-phases";
import { createPlanFromTemplate } from "@/db/queries/templates";
import { newPlanSchema } from "@/lib/schemas/template";
import { issuePlanVersion } from "@/db/queries/plan-versions";
import { ZodError } from "zod";
import { RuleError } from "@/lib/errors";
import { parsePlanFile } from "@/lib/plan-import";
import type { ActionResult } from "@/lib/action-result";
import { planItemOrderSchema, planSchema, planStatusSchema } from "@/lib/schemas/plan";
import { formObject, recordIdSchema, runAction } from "../../_lib/run-action";

const idSchema = recordIdSchema;

// The audit code names the status asked for; a status that is not one of ours is logged as a plain status change.
function planStatusAuditCode(status: unknown) {
  const parsed = planStatusSchema.safeParse(status);
  return parsed.success ? `plan.status.${parsed.data}` : "plan.status";
}

/** A new plan, blank or from a template (patient, template and start date in one step). */
export async function createPlanAction(patientId: number, _prev: ActionResult<{ id: number }> | null, formData: FormData) {
  const fields = formObject(formData);
  const fromTemplate = fields.template !== undefined && fields.template !== "blank";
  const result = await runAction(fromTemplate ? "plan.from-template" : "plan.create", "plans:write", (actor) => {
    const { template, title, weeks, ...rest } = newPlanSchema.parse(fields);
    const id = idSchema.parse(patientId);
    if (template === "blank") return createPlan({ actor, patientId: id, input: { ...rest, title, weeks: weeks! } });
    return createPlanFromTemplate({ actor, patientId: id, templateId: template, title, weeks, ...rest });
  });
  if (!result.ok) return result;
  revalidatePath(`/patients/${patientId}`);
  redirect(`/plans/${result.data.id}`);
}

/** Saves the plan's header fields; `version` guards against overwriting someone else's edit. */
export async function updatePlanAction(planId: number, version: number, input: unknown) {
  const result = await runAction("plan.update", "plans:write", (actor) =>
    updatePlan({ actor, id: idSchema.parse(planId), version: idSchema.parse(version), input: planSchema.parse(input) }),
  );
  if (result.ok) revalidatePath(`/plans/${planId}/print`);
  return result;
}

/** "Issue changes": the draft becomes the next version the patient sees (nothing new if it is unchanged). */
export async function issuePlanAction(planId: number) {
  const result = await runAction("plan.issue", "plans:write", (actor) => issuePlanVersion({ actor, planId: idSchema.parse(planId) }));
  if (result.ok) revalidatePath(`/plans/${planId}`, "layout");
  return result;
}

export async function setPlanStatusAction(planId: number, status: unknown) {
  const result = await runAction(planStatusAuditCode(status), "plans:write", (actor) =>
    setPlanStatus({ actor, id: idSchema.parse(planId), status: planStatusSchema.parse(status) }),
  );
  if (result.ok) revalidatePath(`/plans/${planId}`, "layout");
  return result;
}

/** Copies a plan as a new draft for `patientId` (the same patient or another one) and opens it. */
export async function duplicatePlanAction(planId: number, patientId: number): Promise<ActionResult<{ id: number }>> {
  const result = await runAction("plan.duplicate", "plans:write", (actor) =>
    duplicatePlan({ actor, id: idSchema.parse(planId), patientId: idSchema.parse(patientId) }),
  );
  if (!result.ok) return result;
  revalidatePath(`/patients/${patientId}`);
  redirect(`/plans/${result.data.id}`);
}

/**
 * Reads a plan document file into a new draft for the patient. A bad file
 * changes nothing and comes back with every problem by its JSON path.
 */
export async function importPlanAction(
  patientId: number,
  _prev: ActionResult<{ id: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ id: number }>> {
  const result = await runAction("plan.import", "plans:write", async (actor) => {
    const id = idSchema.parse(patientId);
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) throw new RuleError("Choose a plan file (.json) to import.", "file");
    const parsed = parsePlanFile(await file.text());
    // A bad file is refused like any bad input (runAction audits the refusal), each problem keyed by its JSON path.
    if (!parsed.ok)
      throw new ZodError(parsed.problems.map((p) => ({ code: "custom" as const, path: [p.path], message: p.message, input: undefined })));
    return importPlanDocument({ actor, patientId: id, document: parsed.document });
  });
  if (!result.ok)
    return result.fieldErrors && !result.fieldErrors.file
      ? { ...result, message: "This file cannot be imported. Nothing was changed. Problems found:" }
      : result;
  revalidatePath(`/patients/${patientId}`);
  redirect(`/plans/${result.data.id}`);
}

export async function addPlanItemAction(planId: number, libraryEntryId: number) {
  return runAction("plan.item.add", "plans:write", (actor) =>
    addPlanItem({ actor, planId: idSchema.parse(planId), libraryEntryId: idSchema.parse(libraryEntryId) }),
  );
}

/** `base` is the dose the edit started from (see updatePlanItemDose): a stale one is refused as a conflict. */
export async function updatePlanItemDoseAction(planId: number, itemId: number, dose: unknown, base?: unknown) {
  return runAction("plan.item.dose", "plans:write", (actor) =>
    updatePlanItemDose({ actor, planId: idSchema.parse(planId), itemId: idSchema.parse(itemId), dose, base }),
  );
}

/** The therapist keeps an item that conflicts with the patient's precautions; recorded on the item and in the audit log. */
export async function confirmPlanItemConflictsAction(planId: number, itemId: number) {
  const result = await runAction("plan.item.keep-despite-precaution", "plans:write", (actor) =>
    confirmPlanItemConflicts({ actor, planId: idSchema.parse(planId), itemId: idSchema.parse(itemId) }),
  );
  if (result.ok) revalidatePath(`/plans/${planId}/print`);
  return result;
}

/** "Save as my usual dose": the item's dose becomes the signed-in therapist's default for its library entry. */
export async function saveUsualDoseAction(planId: number, itemId: number) {
  return runAction("dose-default.save", "plans:write", (actor) =>
    saveUsualDose({ actor, planId: idSchema.parse(planId), itemId: idSchema.parse(itemId) }),
  );
}

/** "Forget my usual dose": the signed-in therapist's own usual dose for a library entry goes. */
export async function forgetUsualDoseAction(libraryEntryId: number) {
  return runAction("dose-default.forget", "plans:write", (actor) => forgetUsualDose({ actor, libraryEntryId: idSchema.parse(libraryEntryId) }));
}

/** "Apply to all exercises": one days-per-week for every exercise of the plan. */
export async function applyDaysPerWeekAction(planId: number, daysPerWeek: unknown) {
  return runAction("plan.item.days-all", "plans:write", (actor) =>
    applyDaysPerWeekToExercises({ actor, planId: idSchema.parse(planId), daysPerWeek }),
  );
}

export async function removePlanItemAction(planId: number, itemId: number) {
  return runAction("plan.item.remove", "plans:write", (actor) =>
    removePlanItem({ actor, planId: idSchema.parse(planId), itemId: idSchema.parse(itemId) }),
  );
}

export async function reorderPlanItemsAction(planId: number, itemIds: unknown) {
  return runAction("plan.item.reorder", "plans:write", (actor) =>
    reorderPlanItems({ actor, planId: idSchema.parse(planId), itemIds: planItemOrderSchema.parse(itemIds) }),
  );
}

/** Saves the plan's phases as one list (names and weeks); items of a removed phase go back to the whole plan. */
export async function setPlanPhasesAction(planId: number, phases: unknown) {
  const result = await runAction("plan.phases", "plans:write", (actor) => setPlanPhases({ actor, planId: idSchema.parse(planId), phases }));
  if (result.ok) revalidatePath(`/plans/${planId}/print`);
  return result;
}

/** Puts an item in a phase, or back to the whole plan (`phaseId` null). */
export async function setPlanItemPhaseAction(planId: number, itemId: number, phaseId: unknown) {
  return runAction("plan.item.phase", "plans:write", (actor) =>
    setPlanItemPhase({ actor, planId: idSchema.parse(planId), itemId: idSchema.parse(itemId), phaseId }),
  );
}

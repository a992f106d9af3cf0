"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import {
  addPlanItem,
  createPlan,
  duplicatePlan,
  removePlanItem,
  reorderPlanItems,
  setPlanStatus,
  updatePlan,
  updatePlanItemDose,
} from "@/db/queries/plans";
import { importPlanDocument } from "@/db/queries/plan-export";
import { issuePlanVersion } from "@/db/queries/plan-versions";
import { RuleError } from "@/lib/errors";
import { parsePlanFile } from "@/lib/plan-import";
import type { ActionResult } from "@/lib/action-result";
import { planSchema, planStatusSchema } from "@/lib/schemas/plan";
import { formObject, recordIdSchema, runAction } from "../../_lib/run-action";

const idSchema = recordIdSchema;

export async function createPlanAction(patientId: number, _prev: ActionResult<{ id: number }> | null, formData: FormData) {
  const result = await runAction("plans:write", (actor) =>
    createPlan({ actor, patientId: idSchema.parse(patientId), input: planSchema.parse(formObject(formData)) }),
  );
  if (!result.ok) return result;
  revalidatePath(`/patients/${patientId}`);
  redirect(`/plans/${result.data.id}`);
}

/** Saves the plan's header fields; `version` guards against overwriting someone else's edit. */
export async function updatePlanAction(planId: number, version: number, input: unknown) {
  const result = await runAction("plans:write", (actor) => updatePlan({ actor, id: idSchema.parse(planId), version: idSchema.parse(version), input: planSchema.parse(input) }));
  if (result.ok) revalidatePath(`/plans/${planId}/print`);
  return result;
}

/** "Issue changes": the draft becomes the next version the patient sees (nothing new if it is unchanged). */
export async function issuePlanAction(planId: number) {
  const result = await runAction("plans:write", (actor) => issuePlanVersion({ actor, planId: idSchema.parse(planId) }));
  if (result.ok) revalidatePath(`/plans/${planId}`, "layout");
  return result;
}

export async function setPlanStatusAction(planId: number, status: unknown) {
  const result = await runAction("plans:write", (actor) => setPlanStatus({ actor, id: idSchema.parse(planId), status: planStatusSchema.parse(status) }));
  if (result.ok) revalidatePath(`/plans/${planId}`, "layout");
  return result;
}

/** Copies a plan as a new draft for `patientId` (the same patient or another one) and opens it. */
export async function duplicatePlanAction(planId: number, patientId: number): Promise<ActionResult<{ id: number }>> {
  const result = await runAction("plans:write", (actor) => duplicatePlan({ actor, id: idSchema.parse(planId), patientId: idSchema.parse(patientId) }));
  if (!result.ok) return result;
  revalidatePath(`/patients/${patientId}`);
  redirect(`/plans/${result.data.id}`);
}

/**
 * Reads a plan document file into a new draft for the patient. A bad file
 * changes nothing and comes back with every problem by its JSON path.
 */
export async function importPlanAction(patientId: number, _prev: ActionResult<{ id: number }> | null, formData: FormData): Promise<ActionResult<{ id: number }>> {
  const result = await runAction("plans:write", async (actor) => {
    const id = idSchema.parse(patientId);
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) throw new RuleError("Choose a plan file (.json) to import.", "file");
    const parsed = parsePlanFile(await file.text());
    if (!parsed.ok) return { imported: false as const, problems: parsed.problems };
    return { imported: true as const, id: importPlanDocument({ actor, patientId: id, document: parsed.document }).id };
  });
  if (!result.ok) return result;
  if (!result.data.imported) {
    const fieldErrors: Record<string, string[]> = {};
    for (const p of result.data.problems) (fieldErrors[p.path] ??= []).push(p.message);
    return { ok: false, message: "This file cannot be imported. Nothing was changed. Problems found:", fieldErrors };
  }
  revalidatePath(`/patients/${patientId}`);
  redirect(`/plans/${result.data.id}`);
}

export async function addPlanItemAction(planId: number, libraryEntryId: number) {
  return runAction("plans:write", (actor) => addPlanItem({ actor, planId: idSchema.parse(planId), libraryEntryId: idSchema.parse(libraryEntryId) }));
}

export async function updatePlanItemDoseAction(planId: number, itemId: number, dose: unknown) {
  return runAction("plans:write", (actor) => updatePlanItemDose({ actor, planId: idSchema.parse(planId), itemId: idSchema.parse(itemId), dose }));
}

export async function removePlanItemAction(planId: number, itemId: number) {
  return runAction("plans:write", (actor) => removePlanItem({ actor, planId: idSchema.parse(planId), itemId: idSchema.parse(itemId) }));
}

export async function reorderPlanItemsAction(planId: number, itemIds: unknown) {
  return runAction("plans:write", (actor) =>
    reorderPlanItems({ actor, planId: idSchema.parse(planId), itemIds: z.array(idSchema).max(200).parse(itemIds) }),
  );
}

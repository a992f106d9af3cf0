"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { duplicateTemplate, saveTemplateFromPlan, setTemplateRetired, updateTemplateDetails } from "@/db/queries/templates";
import type { ActionResult } from "@/lib/action-result";
import { saveTemplateSchema, templateDetailsFormSchema } from "@/lib/schemas/template";
import { formObject, recordIdSchema, runAction } from "../../_lib/run-action";

/** "Save as template" from a plan: mine, or clinic-wide for admins. */
export async function saveTemplateAction(
  planId: number,
  _prev: ActionResult<{ id: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ id: number }>> {
  const result = await runAction("template.save", "plans:write", (actor) => {
    const { scope, ...details } = saveTemplateSchema.parse(formObject(formData));
    return saveTemplateFromPlan({ actor, planId: recordIdSchema.parse(planId), scope, details });
  });
  if (!result.ok) return result;
  revalidatePath("/templates");
  redirect(`/templates/${result.data.id}`);
}

export async function updateTemplateAction(
  id: number,
  version: number,
  _prev: ActionResult<{ version: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ version: number }>> {
  const result = await runAction("template.update", "plans:write", (actor) =>
    updateTemplateDetails({
      actor,
      id: recordIdSchema.parse(id),
      version: recordIdSchema.parse(version),
      details: templateDetailsFormSchema.parse(formObject(formData)),
    }),
  );
  if (result.ok) revalidatePath("/templates", "layout");
  return result;
}

export async function duplicateTemplateAction(id: number): Promise<ActionResult<{ id: number }>> {
  const result = await runAction("template.duplicate", "plans:write", (actor) => duplicateTemplate({ actor, id: recordIdSchema.parse(id) }));
  if (!result.ok) return result;
  revalidatePath("/templates");
  redirect(`/templates/${result.data.id}`);
}

export async function setTemplateRetiredAction(id: number, retired: boolean) {
  const result = await runAction(retired ? "template.retire" : "template.restore", "plans:write", (actor) =>
    setTemplateRetired({ actor, id: recordIdSchema.parse(id), retired: retired === true }),
  );
  if (result.ok) revalidatePath("/templates", "layout");
  return result;
}

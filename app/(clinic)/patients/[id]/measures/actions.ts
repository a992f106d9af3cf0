"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { recordMeasure, setMeasureRequest } from "@/db/queries/measures";
import { ZodError } from "zod";
import type { ActionResult } from "@/lib/action-result";
import { measureAnswerSchemas, measureRecordSchema, unflattenForm } from "@/lib/measures";
import { measureRequestSchema } from "@/lib/measures/request-schema";
import { formObject, recordIdSchema, runAction } from "../../../../_lib/run-action";

/** Staff record a measure from the clinic's paper form; every field's problem is shown at once. */
export async function recordMeasureAction(patientId: number, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction("measure.record", "patients:write", (actor) => {
    const flat = formObject(formData);
    const record = measureRecordSchema.safeParse(flat);
    const measure = measureRecordSchema.shape.measure.safeParse(flat.measure);
    const answers = measure.success ? measureAnswerSchemas[measure.data].safeParse(unflattenForm(flat)) : null;
    // Every field's problem at once: the header's and the answers' issues in one refusal (audited by runAction).
    const issues = [...(record.success ? [] : record.error.issues), ...(answers && !answers.success ? answers.error.issues : [])];
    if (issues.length > 0 || !record.success) throw new ZodError(issues);
    recordMeasure({ actor, patientId: recordIdSchema.parse(patientId), input: record.data, answers: unflattenForm(flat) });
  });
  if (!result.ok) return result;
  revalidatePath(`/patients/${patientId}`);
  redirect(`/patients/${patientId}#measures`);
}

/** Which weeks a plan asks the patient to fill a measure on their link. */
export async function setMeasureRequestAction(patientId: number, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction("measure.requests.set", "plans:write", (actor) => {
    const input = measureRequestSchema.parse(formObject(formData));
    setMeasureRequest({ actor, patientId: recordIdSchema.parse(patientId), planId: input.planId, measure: input.measure, weeks: input.weeks });
  });
  if (result.ok) revalidatePath(`/patients/${patientId}`);
  return result;
}

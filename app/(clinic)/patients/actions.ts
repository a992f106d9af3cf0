"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createPatient, setPatientArchived, updatePatient } from "@/db/queries/patients";
import type { ActionResult } from "@/lib/action-result";
import { patientSchema } from "@/lib/schemas/patient";
import { formObject, recordIdSchema, runAction } from "../../_lib/run-action";

export async function createPatientAction(_prev: ActionResult<{ id: number }> | null, formData: FormData) {
  const result = await runAction("patient.create", "patients:write", (actor) =>
    createPatient({ actor, input: patientSchema.parse(formObject(formData, ["precautions"])) }),
  );
  if (!result.ok) return result;
  revalidatePath("/patients");
  redirect(`/patients/${result.data.id}`);
}

export async function updatePatientAction(id: number, version: number, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction("patient.update", "patients:write", (actor) =>
    updatePatient({
      actor,
      id: recordIdSchema.parse(id),
      version: recordIdSchema.parse(version),
      input: patientSchema.parse(formObject(formData, ["precautions"])),
    }),
  );
  if (!result.ok) return result;
  revalidatePath(`/patients/${id}`);
  revalidatePath("/patients");
  redirect(`/patients/${id}`);
}

export async function setPatientArchivedAction(id: number, archived: boolean): Promise<ActionResult> {
  const result = await runAction(archived === true ? "patient.archive" : "patient.restore", "patients:write", (actor) =>
    setPatientArchived({ actor, id: recordIdSchema.parse(id), archived: archived === true }),
  );
  if (result.ok) {
    revalidatePath(`/patients/${id}`);
    revalidatePath("/patients");
  }
  return result;
}

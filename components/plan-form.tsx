"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { FormMessage, TextAreaField, TextField } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";

type Submitted = { result: ActionResult<unknown>; values: Record<string, string> };

/** The form that starts a plan; items are added afterwards in the plan editor. */
export function NewPlanForm({
  action,
  defaultStartDate,
}: {
  action: (prev: null, formData: FormData) => Promise<ActionResult<unknown> | undefined | void>;
  defaultStartDate: string;
}) {
  const [state, formAction] = useActionState(async (_prev: Submitted | null, formData: FormData) => {
    const result = await action(null, formData);
    return result ? { result, values: Object.fromEntries(formData) as Record<string, string> } : null;
  }, null);
  const failed = state && !state.result.ok ? state.result : null;
  const errors = failed?.fieldErrors ?? {};
  const v = state?.values ?? { startDate: defaultStartDate, weeks: "6" };
  return (
    <form action={formAction} className="form" noValidate>
      <TextField label="Plan title" name="title" required defaultValue={v.title} errors={errors.title} hint="For example: Low-back recovery, phase 1." />
      <TextField
        label="Goal, in the patient's words"
        name="goal"
        defaultValue={v.goal}
        errors={errors.goal}
        hint="For example: walk my dog for 30 minutes without pain."
      />
      <div className="field-row">
        <TextField label="Start date" name="startDate" type="date" required defaultValue={v.startDate} errors={errors.startDate} />
        <TextField label="Length in weeks" name="weeks" type="number" inputMode="numeric" min={1} max={52} required defaultValue={v.weeks} errors={errors.weeks} />
      </div>
      <TextAreaField label="Precautions and red flags for this patient" name="precautions" rows={3} defaultValue={v.precautions} errors={errors.precautions} />
      <TextAreaField label="Therapist notes (not printed)" name="notes" rows={3} defaultValue={v.notes} errors={errors.notes} />
      <FormMessage message={failed?.message} />
      <SubmitButton>Create plan</SubmitButton>
    </form>
  );
}

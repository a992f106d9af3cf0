"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import type { PatientInput } from "@/lib/schemas/patient";
import { FormMessage, TextAreaField, TextField } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";

type Submitted = { result: ActionResult<unknown>; values: Record<string, string> };

type Props = {
  action: (prev: null, formData: FormData) => Promise<ActionResult<unknown> | undefined | void>;
  initial?: Partial<PatientInput>;
  submitLabel: string;
};

export function PatientForm({ action, initial = {}, submitLabel }: Props) {
  const [state, formAction] = useActionState(async (_prev: Submitted | null, formData: FormData) => {
    const result = await action(null, formData);
    // React resets the form after an action; keep what was typed so a refusal loses nothing.
    return result ? { result, values: Object.fromEntries(formData) as Record<string, string> } : null;
  }, null);
  const failed = state && !state.result.ok ? state.result : null;
  const errors = failed?.fieldErrors ?? {};
  const v: Partial<Record<keyof PatientInput, string>> = state?.values ?? (initial as Record<string, string>);
  return (
    <form action={formAction} className="form" noValidate>
      <TextField label="Full name" name="name" required autoComplete="off" defaultValue={v.name} errors={errors.name} />
      <TextField label="Date of birth (optional)" name="dateOfBirth" type="date" defaultValue={v.dateOfBirth ?? ""} errors={errors.dateOfBirth} />
      <div className="field-row">
        <TextField label="Phone (optional)" name="phone" type="tel" defaultValue={v.phone} errors={errors.phone} />
        <TextField label="Email (optional)" name="email" type="email" defaultValue={v.email} errors={errors.email} />
      </div>
      <TextAreaField
        label="Condition summary (optional)"
        name="condition"
        rows={2}
        defaultValue={v.condition}
        errors={errors.condition}
        hint="For example: low-back pain for 3 months, worse when sitting."
      />
      <TextAreaField label="Notes (optional)" name="notes" rows={3} defaultValue={v.notes} errors={errors.notes} />
      <FormMessage message={failed?.message} />
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}

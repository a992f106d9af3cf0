"use client";

import { useFormAction } from "./use-form-action";
import type { ActionResult } from "@/lib/action-result";
import { precautionKinds, precautionLabels } from "@/lib/precautions";
import type { PatientFormInput } from "@/lib/schemas/patient";
import { CheckboxGroupField, FormMessage, TextAreaField, TextField } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";

type TextKey = Exclude<keyof PatientFormInput, "precautions">;
type Values = Partial<Record<TextKey, string>> & { precautions?: string[] };

type Props = {
  action: (prev: null, formData: FormData) => Promise<ActionResult<unknown> | undefined | void>;
  initial?: Values;
  submitLabel: string;
};

export function PatientForm({ action, initial = {}, submitLabel }: Props) {
  const { formAction, failed, errors, values: v } = useFormAction<Values>(action, { initial, lists: ["precautions"] });
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
      <CheckboxGroupField
        legend="Precautions"
        name="precautions"
        id="precautions"
        hint="Tick what applies. The plan editor warns you when an exercise conflicts with one of these."
        options={precautionKinds.map((p) => ({ value: p, label: precautionLabels[p] }))}
        checked={v.precautions ?? []}
        errors={errors.precautions}
      >
        <TextField
          label="Date of the spine surgery (if ticked above)"
          name="spineSurgeryDate"
          type="date"
          defaultValue={v.spineSurgeryDate ?? ""}
          errors={errors.spineSurgeryDate}
        />
        <TextAreaField
          label="Other precautions (optional)"
          name="precautionNote"
          rows={2}
          defaultValue={v.precautionNote}
          errors={errors.precautionNote}
          hint="For example: no lifting over 5 kg until the review."
        />
      </CheckboxGroupField>
      <TextAreaField label="Notes (optional)" name="notes" rows={3} defaultValue={v.notes} errors={errors.notes} />
      <FormMessage message={failed?.message} />
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}

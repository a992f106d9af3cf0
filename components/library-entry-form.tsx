"use client";

import { useFormAction } from "./use-form-action";
import type { ActionResult } from "@/lib/action-result";
import { bodyRegionLabels, bodyRegions, categories, categoryLabels } from "@/lib/library";
import { precautionKinds, precautionLabels } from "@/lib/precautions";
import { CheckboxGroupField, FormMessage, SelectField, TextAreaField, TextField } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";

type Values = { name: string; category: string; bodyRegions: string[]; summary: string; steps: string; cautions: string; conflictsWith: string[] };

export function LibraryEntryForm({
  action,
  initial,
  submitLabel,
}: {
  action: (prev: null, formData: FormData) => Promise<ActionResult<unknown> | undefined | void>;
  initial?: Values;
  submitLabel: string;
}) {
  const {
    formAction,
    failed,
    errors,
    values: v,
  } = useFormAction<Values>(action, {
    initial: initial ?? { name: "", category: "stretch", bodyRegions: [], summary: "", steps: "", cautions: "", conflictsWith: [] },
    lists: ["bodyRegions", "conflictsWith"],
  });
  return (
    <form action={formAction} className="form" noValidate>
      <TextField label="Name" name="name" required defaultValue={v.name} errors={errors.name} />
      <SelectField
        label="Category"
        name="category"
        defaultValue={v.category}
        errors={errors.category}
        options={categories.map((c) => ({ value: c, label: categoryLabels[c] }))}
      />
      <CheckboxGroupField
        legend="Body regions"
        name="bodyRegions"
        id="regions"
        options={bodyRegions.map((r) => ({ value: r, label: bodyRegionLabels[r] }))}
        checked={v.bodyRegions}
        errors={errors.bodyRegions}
      />
      <TextField label="Summary: what it helps with" name="summary" defaultValue={v.summary} errors={errors.summary} />
      <TextAreaField
        label="Steps, one per line"
        name="steps"
        rows={6}
        defaultValue={v.steps}
        errors={errors.steps}
        hint="Short, plain sentences. The handout numbers them for you."
      />
      <TextAreaField
        label="Cautions, one per line (optional)"
        name="cautions"
        rows={3}
        defaultValue={v.cautions}
        errors={errors.cautions}
        hint="For example: Stop if pain spreads down your leg."
      />
      <CheckboxGroupField
        legend="Not safe without a check for patients with (optional)"
        name="conflictsWith"
        id="conflicts"
        hint="The plan editor warns when this entry is added for a patient with a ticked precaution."
        options={precautionKinds.map((p) => ({ value: p, label: precautionLabels[p] }))}
        checked={v.conflictsWith}
        errors={errors.conflictsWith}
      />
      <FormMessage message={failed?.message} />
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}

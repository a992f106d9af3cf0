"use client";

import { useFormAction } from "./use-form-action";
import type { ActionResult } from "@/lib/action-result";
import { bodyRegionLabels, bodyRegions, categories, categoryLabels } from "@/lib/library";
import { precautionKinds, precautionLabels } from "@/lib/precautions";
import { FormMessage, SelectField, TextAreaField, TextField } from "./ui/field";
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
      <fieldset aria-describedby="regions-error">
        <legend>Body regions</legend>
        <div className="checks">
          {bodyRegions.map((r) => (
            <label key={r}>
              <input type="checkbox" name="bodyRegions" value={r} defaultChecked={v.bodyRegions.includes(r)} /> {bodyRegionLabels[r]}
            </label>
          ))}
        </div>
        <p className="field-error" id="regions-error" aria-live="polite">
          {errors.bodyRegions?.join(" ")}
        </p>
      </fieldset>
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
      <fieldset aria-describedby="conflicts-hint conflicts-error">
        <legend>Not safe without a check for patients with (optional)</legend>
        <p className="hint" id="conflicts-hint">
          The plan editor warns when this entry is added for a patient with a ticked precaution.
        </p>
        <div className="checks">
          {precautionKinds.map((p) => (
            <label key={p}>
              <input type="checkbox" name="conflictsWith" value={p} defaultChecked={v.conflictsWith.includes(p)} /> {precautionLabels[p]}
            </label>
          ))}
        </div>
        <p className="field-error" id="conflicts-error" aria-live="polite">
          {errors.conflictsWith?.join(" ")}
        </p>
      </fieldset>
      <FormMessage message={failed?.message} />
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}

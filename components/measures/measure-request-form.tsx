"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { FormMessage, SelectField, TextField } from "../ui/field";
import { SubmitButton } from "../ui/submit-button";

type Props = {
  plans: { id: number; title: string }[];
  measures: { value: string; label: string }[];
  action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
};

/** Ask the patient to fill a measure on their link at chosen plan weeks (an empty list stops asking). */
export function MeasureRequestForm({ plans, measures, action }: Props) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="form" noValidate>
      <div className="field-row">
        <SelectField label="Plan" name="planId" options={plans.map((p) => ({ value: String(p.id), label: p.title }))} errors={errors.planId} />
        <SelectField label="Measure" name="measure" options={measures} errors={errors.measure} />
        <TextField
          label="Plan weeks"
          name="weeks"
          defaultValue="0, 3, 6"
          hint="0 is the plan's first day. Leave empty to stop asking."
          errors={errors.weeks}
        />
      </div>
      <FormMessage message={state ? (state.ok ? "Saved." : state.message) : null} ok={state?.ok} />
      <SubmitButton>Save request</SubmitButton>
    </form>
  );
}

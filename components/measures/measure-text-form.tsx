"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { FormMessage, TextAreaField } from "../ui/field";
import { SubmitButton } from "../ui/submit-button";

/** An admin pastes the clinic's licensed wording for ODI or NDI. */
export function MeasureTextForm({
  measure,
  label,
  initial,
  action,
}: {
  measure: "odi" | "ndi";
  label: string;
  initial: string;
  action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult>;
}) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="form" noValidate>
      <input type="hidden" name="measure" value={measure} />
      <TextAreaField
        id={`f-body-${measure}`}
        label={label}
        name="body"
        rows={12}
        defaultValue={initial}
        errors={errors.body}
        hint="10 sections separated by a blank line; in each, the section heading on the first line and its 6 statements (scored 0 to 5) on the next 6 lines. Leave empty to remove."
      />
      <FormMessage message={state ? (state.ok ? "Saved." : state.message) : null} ok={state?.ok} />
      <SubmitButton>Save wording</SubmitButton>
    </form>
  );
}

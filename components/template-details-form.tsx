"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { FormMessage, TextAreaField, TextField } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";

type Values = { title: string; description: string; guideline: string };

/** Edits a template's title, description and guideline. */
export function TemplateDetailsForm({
  action,
  initial,
}: {
  action: (prev: ActionResult<{ version: number }> | null, formData: FormData) => Promise<ActionResult<{ version: number }>>;
  initial: Values;
}) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="form" noValidate>
      <TextField label="Template title" name="title" required defaultValue={initial.title} errors={errors.title} />
      <TextAreaField label="Description" name="description" rows={3} defaultValue={initial.description} errors={errors.description} />
      <TextField
        label="Guideline it follows"
        name="guideline"
        defaultValue={initial.guideline}
        errors={errors.guideline}
        hint="Name and year, for example: NICE NG59 (2016, updated 2020)."
      />
      <FormMessage message={state ? (state.ok ? "Saved." : state.message) : null} ok={state?.ok} />
      <SubmitButton>Save template details</SubmitButton>
    </form>
  );
}

/** "Save as template" from a plan page. */
export function SaveTemplateForm({
  action,
  defaultTitle,
  mayShareWithClinic,
}: {
  action: (prev: ActionResult<{ id: number }> | null, formData: FormData) => Promise<ActionResult<{ id: number }>>;
  defaultTitle: string;
  mayShareWithClinic: boolean;
}) {
  const [state, formAction] = useActionState(action, null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form action={formAction} className="form" noValidate>
      <TextField label="Template title" name="title" required defaultValue={defaultTitle} errors={errors.title} />
      <TextAreaField label="Description" name="description" rows={2} errors={errors.description} hint="Who it is for, in a sentence or two." />
      <TextField label="Guideline it follows" name="guideline" errors={errors.guideline} />
      <fieldset>
        <legend>Who can use it</legend>
        <label>
          <input type="radio" name="scope" value="mine" defaultChecked /> Just me
        </label>
        {mayShareWithClinic ? (
          <label>
            <input type="radio" name="scope" value="clinic" /> The whole clinic
          </label>
        ) : null}
      </fieldset>
      <p className="muted">The patient&apos;s goal, precautions and dates are not saved in the template.</p>
      <FormMessage message={state && !state.ok ? state.message : null} />
      <SubmitButton>Save as template</SubmitButton>
    </form>
  );
}

"use client";

import { useState } from "react";
import { DEFAULT_PLAN_TITLE, planSchema } from "@/lib/schemas/plan";
import { numberFieldProps } from "@/lib/zod-bounds";
import { useFormAction } from "./use-form-action";
import type { ActionResult } from "@/lib/action-result";
import { formatDateLong } from "@/lib/calendar-date";
import { FormMessage, SelectField, TextAreaField, TextField } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";
import { useHydrated } from "./use-hydrated";

export type TemplateChoice = { id: number; title: string; weeks: number; guideline: string };

/**
 * The form that starts a plan: blank, or from a template, for this patient
 * from a start date, in one step. Items are tailored afterwards in the editor.
 */
export function NewPlanForm({
  action,
  defaultStartDate,
  startDateChoices = [],
  templates = [],
}: {
  action: (prev: null, formData: FormData) => Promise<ActionResult<unknown> | undefined | void>;
  defaultStartDate: string;
  startDateChoices?: { label: string; date: string }[];
  templates?: TemplateChoice[];
}) {
  const {
    formAction,
    failed,
    errors,
    values: v,
  } = useFormAction<Record<string, string>>(action, { initial: { startDate: defaultStartDate, weeks: "6", template: "blank" } });
  const [template, setTemplate] = useState(v.template ?? "blank");
  const [startDate, setStartDate] = useState(v.startDate ?? defaultStartDate);
  const [weeks, setWeeks] = useState(v.weeks ?? "6");
  const chosen = templates.find((t) => String(t.id) === template) ?? null;
  // The template, start date and length follow React state, and the quick picks need JavaScript: a choice
  // made before hydration would show on screen but not in the form's state. Everything waits, visibly.
  const hydrated = useHydrated();
  return (
    <fieldset className="bare" disabled={!hydrated} aria-busy={!hydrated}>
      <form action={formAction} className="form" noValidate>
        <SelectField
          label="Start from"
          name="template"
          value={template}
          onChange={(e) => {
            setTemplate(e.target.value);
            const next = templates.find((t) => String(t.id) === e.target.value);
            if (next) setWeeks(String(next.weeks));
          }}
          errors={errors.template}
          hint={
            chosen
              ? `${chosen.weeks} ${chosen.weeks === 1 ? "week" : "weeks"}. Follows: ${chosen.guideline || "no guideline given"}. You can tailor every item after the plan is made.`
              : "A blank plan, or one of the clinic's templates."
          }
          options={[{ value: "blank", label: "Blank plan" }, ...templates.map((t) => ({ value: String(t.id), label: t.title }))]}
        />
        <TextField
          label="Plan title"
          name="title"
          defaultValue={v.title}
          errors={errors.title}
          hint={
            chosen
              ? `Leave empty to use "${chosen.title}".`
              : `Leave empty to call it "${DEFAULT_PLAN_TITLE}", or name it, for example: Low-back recovery.`
          }
        />
        <TextField
          label="Goal, in the patient's words"
          name="goal"
          defaultValue={v.goal}
          errors={errors.goal}
          hint="For example: walk my dog for 30 minutes without pain."
        />
        <div className="field-row">
          <div>
            <TextField
              label="Start date"
              name="startDate"
              type="date"
              required
              value={startDate}
              onChange={(e) => setStartDate(e.target.value)}
              errors={errors.startDate}
              hint={/^\d{4}-\d{2}-\d{2}$/.test(startDate) ? formatDateLong(startDate) : undefined}
            />
            {startDateChoices.length > 0 ? (
              <div role="group" aria-label="Quick picks for the first day" className="actions">
                {startDateChoices.map((c) => (
                  <button key={c.label} type="button" className="button" aria-pressed={startDate === c.date} onClick={() => setStartDate(c.date)}>
                    {c.label}
                  </button>
                ))}
              </div>
            ) : null}
          </div>
          <TextField
            {...numberFieldProps(planSchema.shape.weeks, "Length in weeks")}
            name="weeks"
            required
            value={weeks}
            onChange={(e) => setWeeks(e.target.value)}
            errors={errors.weeks}
          />
        </div>
        <TextAreaField
          label="Precautions and red flags for this patient"
          name="precautions"
          rows={3}
          defaultValue={v.precautions}
          errors={errors.precautions}
        />
        <TextAreaField label="Therapist notes (not printed)" name="notes" rows={3} defaultValue={v.notes} errors={errors.notes} />
        <FormMessage message={failed?.message} />
        <SubmitButton>{chosen ? "Create plan from template" : "Create plan"}</SubmitButton>
      </form>
    </fieldset>
  );
}

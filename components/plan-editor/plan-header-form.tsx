"use client";

import { useState } from "react";
import { errorsStillTrue } from "@/lib/field-errors";
import type { PlanDto } from "@/lib/plan-dto";
import { planSchema } from "@/lib/schemas/plan";
import { numberFieldProps } from "@/lib/zod-bounds";
import { TextAreaField, TextField } from "../ui/field";
import { RefusedError, type usePlanMutations } from "./use-plan-mutations";

type Draft = Record<"title" | "goal" | "startDate" | "weeks" | "precautions" | "notes", string>;

function toDraft(plan: PlanDto): Draft {
  return {
    title: plan.title,
    goal: plan.goal,
    startDate: plan.startDate,
    weeks: String(plan.weeks),
    precautions: plan.precautions,
    notes: plan.notes,
  };
}

/** Plan details save when a field is left, guarded by the plan's version number. */
export function PlanHeaderForm({ plan, readOnly, mutations }: { plan: PlanDto; readOnly: boolean; mutations: ReturnType<typeof usePlanMutations> }) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(plan));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [status, setStatus] = useState("");
  const saved = JSON.stringify(toDraft(plan));

  // When the saved plan changes (another save, a refetch), show it, unless a refused value is being fixed.
  // Adjusted while rendering (React's pattern for state that follows a prop), not in an effect.
  const [shown, setShown] = useState(saved);
  if (shown !== saved) {
    setShown(saved);
    if (Object.keys(errors).length === 0) setDraft(JSON.parse(saved) as Draft);
  }

  const change = (k: keyof Draft, value: string) => {
    const next = { ...draft, [k]: value };
    setDraft(next);
    // A message about a value that is now fine ("Title is required") goes away as soon as it is fixed.
    setErrors((current) => errorsStillTrue(current, planSchema.safeParse(next)));
  };
  const commit = () => {
    if (JSON.stringify(draft) === saved) return;
    setStatus("Saving…");
    mutations.updateHeader.mutate(
      { version: plan.version, input: draft },
      {
        onSuccess: () => {
          setErrors({});
          setStatus("Saved");
        },
        onError: (error) => {
          setErrors(error instanceof RefusedError ? error.fieldErrors : {});
          // A refused value never stays on screen: the fields show what is saved, the message says why.
          setDraft(JSON.parse(saved) as Draft);
          setStatus(`Not saved: ${error.message}`);
        },
      },
    );
  };
  const bind = (k: keyof Draft) => ({
    name: k,
    id: `plan-${k}`,
    value: draft[k],
    errors: errors[k],
    disabled: readOnly,
    onChange: (e: { target: { value: string } }) => change(k, e.target.value),
    onBlur: commit,
  });

  return (
    <section className="card" aria-labelledby="details-h">
      <h2 id="details-h">Plan details</h2>
      <div className="form">
        <TextField label="Plan title" {...bind("title")} />
        <TextField label="Goal, in the patient's words" {...bind("goal")} />
        <div className="field-row">
          <TextField label="Start date" type="date" {...bind("startDate")} />
          <TextField {...numberFieldProps(planSchema.shape.weeks, "Length in weeks")} {...bind("weeks")} />
        </div>
        <TextAreaField label="Precautions and red flags for this patient" rows={2} {...bind("precautions")} />
        <TextAreaField label="Therapist notes (not printed)" rows={2} {...bind("notes")} />
        <p className="save-state" aria-live="polite">
          {status}
        </p>
      </div>
    </section>
  );
}

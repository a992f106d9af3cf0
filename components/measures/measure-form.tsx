"use client";

import { useFormAction } from "../use-form-action";
import type { ActionResult } from "@/lib/action-result";
import { measureContextLabels, measureContexts, measures, type MeasureId, PSFS_MAX_ACTIVITIES } from "@/lib/measures";
import { nprsWording, pegWording, psfsWording, rmdqWording } from "@/lib/measures/wording";
import { FormMessage, SelectField, TextField } from "../ui/field";
import { SubmitButton } from "../ui/submit-button";

type Props = { measure: MeasureId; today: string; action: (prev: null, formData: FormData) => Promise<ActionResult | undefined | void> };

const sectionOptions = [{ value: "", label: "Not answered" }, ...[0, 1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))];

/**
 * Staff enter a measure from the clinic's paper form. ODI and NDI show only
 * the section names: their wording is on the clinic's licensed form.
 */
export function MeasureForm({ measure, today, action }: Props) {
  const { formAction, failed, errors, values: v } = useFormAction(action);
  const m = measures[measure];

  return (
    <form action={formAction} className="form" noValidate>
      <input type="hidden" name="measure" value={measure} />
      <div className="field-row">
        <SelectField
          label="When"
          name="context"
          defaultValue={v.context ?? "intake"}
          errors={errors.context}
          options={measureContexts.map((c) => ({ value: c, label: measureContextLabels[c] }))}
        />
        <TextField label="Date taken" name="takenOn" type="date" max={today} defaultValue={v.takenOn ?? today} errors={errors.takenOn} />
      </div>

      {m.sections ? (
        <fieldset aria-describedby="sections-error">
          <legend>Section answers from the paper form (0 to 5; at most 2 left blank)</legend>
          {m.sections.map((name, i) => (
            <SelectField
              key={name}
              label={`${i + 1}. ${name}`}
              name={`sections.${i}`}
              defaultValue={v[`sections.${i}`] ?? ""}
              errors={errors[`sections.${i}`]}
              options={sectionOptions}
            />
          ))}
          <p className="field-error" id="sections-error" aria-live="polite">
            {errors.sections?.join(" ")}
          </p>
        </fieldset>
      ) : null}

      {measure === "nprs" ? (
        <TextField
          label={nprsWording.question}
          hint={nprsWording.scale}
          name="pain"
          type="number"
          inputMode="numeric"
          min={0}
          max={10}
          defaultValue={v.pain}
          errors={errors.pain}
        />
      ) : null}

      {measure === "peg" ? (
        <>
          {(["pain", "enjoyment", "activity"] as const).map((k) => (
            <TextField
              key={k}
              label={pegWording[k]}
              name={k}
              type="number"
              inputMode="numeric"
              min={0}
              max={10}
              defaultValue={v[k]}
              errors={errors[k]}
            />
          ))}
        </>
      ) : null}

      {measure === "psfs" ? (
        <fieldset aria-describedby="activities-error">
          <legend>Activities and ratings</legend>
          <p className="hint">{psfsWording.scale}</p>
          {Array.from({ length: PSFS_MAX_ACTIVITIES }, (_, i) => (
            <div className="field-row" key={i}>
              <TextField
                label={`Activity ${i + 1}${i === 0 ? "" : " (optional)"}`}
                name={`activities.${i}.activity`}
                maxLength={120}
                defaultValue={v[`activities.${i}.activity`]}
                errors={errors[`activities.${i}.activity`]}
              />
              <TextField
                label={`Rating ${i + 1} (0 to 10)`}
                name={`activities.${i}.rating`}
                type="number"
                inputMode="numeric"
                min={0}
                max={10}
                defaultValue={v[`activities.${i}.rating`]}
                errors={errors[`activities.${i}.rating`]}
              />
            </div>
          ))}
          <p className="field-error" id="activities-error" aria-live="polite">
            {errors.activities?.join(" ")}
          </p>
        </fieldset>
      ) : null}

      {measure === "rmdq" ? (
        <fieldset aria-describedby="ticked-error">
          <legend>{rmdqWording.intro}</legend>
          {rmdqWording.statements.map((s, i) => (
            <p key={i} className="checks">
              <label>
                <input type="checkbox" name={`ticked.${i}`} defaultChecked={v[`ticked.${i}`] === "on"} /> {i + 1}. {s}
              </label>
            </p>
          ))}
          <p className="field-error" id="ticked-error" aria-live="polite">
            {errors.ticked?.join(" ")}
          </p>
        </fieldset>
      ) : null}

      <FormMessage message={failed?.message} />
      <SubmitButton>Save {m.short}</SubmitButton>
    </form>
  );
}

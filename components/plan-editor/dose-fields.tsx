"use client";

import { intensities, sides, visitTypeLabels, visitTypes, type ItemKind } from "@/lib/dose";
import type { DoseDraft } from "@/lib/dose-draft";
import { SelectField, TextAreaField, TextField } from "../ui/field";

type FieldsProps = {
  idPrefix: string;
  draft: DoseDraft;
  errors: Record<string, string[]>;
  /** Typing changes the draft only. */
  onChange: (key: string, value: string) => void;
  /** Leaving a field (or picking from a list) saves. */
  onCommit: (patch?: DoseDraft) => void;
};

const sideOptions = sides.map((s) => ({
  value: s,
  label: { both: "Both sides", left: "Left only", right: "Right only", alternating: "Alternating" }[s],
}));
const intensityOptions = intensities.map((i) => ({ value: i, label: i === "talk-test" ? "Talk test: can talk, not sing" : "Effort score (0-10)" }));
const visitTypeOptions = visitTypes.map((v) => ({ value: v, label: visitTypeLabels[v] }));

function NumberInput({ k, label, unit, p, min = 0 }: { k: string; label: string; unit?: string; p: FieldsProps; min?: number }) {
  return (
    <TextField
      id={`${p.idPrefix}-${k}`}
      label={unit ? `${label} (${unit})` : label}
      name={k}
      type="number"
      inputMode="numeric"
      min={min}
      value={p.draft[k] ?? ""}
      errors={p.errors[k]}
      onChange={(e) => p.onChange(k, e.target.value)}
      onBlur={() => p.onCommit()}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          p.onCommit();
        }
      }}
    />
  );
}

function Select({ k, label, options, p }: { k: string; label: string; options: readonly { value: string; label: string }[]; p: FieldsProps }) {
  return (
    <SelectField
      id={`${p.idPrefix}-${k}`}
      label={label}
      name={k}
      options={options}
      value={p.draft[k] ?? ""}
      errors={p.errors[k]}
      onChange={(e) => p.onCommit({ [k]: e.target.value })}
    />
  );
}

function Note({ p, label = "Note for the patient" }: { p: FieldsProps; label?: string }) {
  return (
    <TextAreaField
      id={`${p.idPrefix}-note`}
      label={label}
      name="note"
      rows={2}
      value={p.draft.note ?? ""}
      errors={p.errors.note}
      onChange={(e) => p.onChange("note", e.target.value)}
      onBlur={() => p.onCommit()}
    />
  );
}

export function DoseFields({ kind, ...p }: FieldsProps & { kind: ItemKind }) {
  switch (kind) {
    case "exercise":
      return (
        <>
          <div className="dose-grid">
            <NumberInput k="sets" label="Sets" p={p} />
            <NumberInput k="reps" label="Reps" p={p} />
            <NumberInput k="holdSeconds" label="Hold" unit="seconds" p={p} />
            <NumberInput k="restSeconds" label="Rest" unit="seconds" p={p} />
            <Select k="side" label="Side" options={sideOptions} p={p} />
            <TextField
              id={`${p.idPrefix}-load`}
              label="Load or band"
              name="load"
              value={p.draft.load ?? ""}
              errors={p.errors.load}
              onChange={(e) => p.onChange("load", e.target.value)}
              onBlur={() => p.onCommit()}
            />
            <NumberInput k="timesPerDay" label="Times per day" p={p} min={1} />
            <NumberInput k="daysPerWeek" label="Days per week" p={p} min={1} />
          </div>
          <Note p={p} />
        </>
      );
    case "walking":
      return (
        <>
          <div className="dose-grid">
            <NumberInput k="minutes" label="Minutes per session" p={p} min={1} />
            <NumberInput k="sessionsPerDay" label="Sessions per day" p={p} min={1} />
            <NumberInput k="daysPerWeek" label="Days per week" p={p} min={1} />
            <Select k="intensity" label="Intensity" options={intensityOptions} p={p} />
            {p.draft.intensity === "rpe" ? <NumberInput k="rpe" label="Effort score" unit="0-10" p={p} /> : null}
            <NumberInput k="stepMinutes" label="Add each week" unit="minutes" p={p} />
            <NumberInput k="capMinutes" label="Longest walk" unit="minutes" p={p} min={1} />
          </div>
          <Note p={p} label="Surface, footwear or other note" />
        </>
      );
    case "visit":
      return <VisitFields {...p} />;
    case "education":
      return <Note p={p} label="Extra note for this patient" />;
  }
}

function VisitFields(p: FieldsProps) {
  const count = Number(p.draft.spanCount ?? "0");
  const spansError = p.errors.spans;
  return (
    <>
      <div className="dose-grid">
        <Select k="visitType" label="Visit type" options={visitTypeOptions} p={p} />
      </div>
      <fieldset aria-describedby={`${p.idPrefix}-spans-error`}>
        <legend>Visits per week</legend>
        {Array.from({ length: count }, (_, i) => (
          <div className="dose-grid" key={i}>
            <NumberInput k={`spans.${i}.perWeek`} label={`Span ${i + 1}: visits a week`} p={p} min={1} />
            <NumberInput k={`spans.${i}.weeks`} label={`Span ${i + 1}: for how many weeks`} p={p} min={1} />
            {count > 1 ? (
              <button
                type="button"
                className="button small"
                onClick={() => {
                  const patch: DoseDraft = { spanCount: String(count - 1) };
                  for (let j = i; j < count - 1; j++) {
                    patch[`spans.${j}.perWeek`] = p.draft[`spans.${j + 1}.perWeek`];
                    patch[`spans.${j}.weeks`] = p.draft[`spans.${j + 1}.weeks`];
                  }
                  p.onCommit(patch);
                }}
              >
                Remove span {i + 1}
              </button>
            ) : null}
          </div>
        ))}
        <p className="field-error" id={`${p.idPrefix}-spans-error`} aria-live="polite">
          {spansError?.join(" ")}
        </p>
        <button
          type="button"
          className="button small"
          onClick={() => p.onCommit({ spanCount: String(count + 1), [`spans.${count}.perWeek`]: "1", [`spans.${count}.weeks`]: "1" })}
        >
          Add a span
        </button>
      </fieldset>
      <Note p={p} />
    </>
  );
}

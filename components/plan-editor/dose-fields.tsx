"use client";

import { useState } from "react";
import type { z } from "zod";
import { exerciseDoseSchema, intensities, sides, visitTypeLabels, visitTypes, walkingDoseSchema, type ItemKind } from "@/lib/dose";
import type { DoseDraft } from "@/lib/dose-draft";
import { formatVisitPattern, parseVisitPattern, VISIT_PATTERN_EXAMPLE } from "@/lib/visit-pattern";
import { numberFieldProps } from "@/lib/zod-bounds";
import { SelectField, TextAreaField, TextField } from "../ui/field";

type FieldsProps = {
  idPrefix: string;
  draft: DoseDraft;
  errors: Record<string, string[]>;
  /** Typing changes the draft only. */
  onChange: (key: string, value: string) => void;
  /** Leaving a field (or picking from a list) saves. */
  onCommit: (patch?: DoseDraft) => void;
  /** Extra controls shown after a field (e.g. "Apply to all exercises" after days per week). */
  after?: Partial<Record<string, React.ReactNode>>;
};

const sideOptions = sides.map((s) => ({
  value: s,
  label: { both: "Both sides", left: "Left only", right: "Right only", alternating: "Alternating" }[s],
}));
const intensityOptions = intensities.map((i) => ({ value: i, label: i === "talk-test" ? "Talk test: can talk, not sing" : "Effort score (0-10)" }));
const visitTypeOptions = visitTypes.map((v) => ({ value: v, label: visitTypeLabels[v] }));

const onEnter = (commit: () => void) => (e: React.KeyboardEvent) => {
  if (e.key === "Enter") {
    e.preventDefault();
    commit();
  }
};

/** A number field whose bounds and wording come from the dose schema the server checks with. */
function NumberInput({ k, schema, label, p }: { k: string; schema: z.ZodType; label?: string; p: FieldsProps }) {
  return (
    <>
      <TextField
        id={`${p.idPrefix}-${k}`}
        name={k}
        {...numberFieldProps(schema, label)}
        value={p.draft[k] ?? ""}
        errors={p.errors[k]}
        onChange={(e) => p.onChange(k, e.target.value)}
        onBlur={() => p.onCommit()}
        onKeyDown={onEnter(() => p.onCommit())}
      />
      {p.after?.[k]}
    </>
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

const ex = exerciseDoseSchema.shape;
const walk = walkingDoseSchema.shape;

export function DoseFields({ kind, ...p }: FieldsProps & { kind: ItemKind }) {
  switch (kind) {
    case "exercise":
      return (
        <>
          <div className="dose-grid">
            <NumberInput k="sets" schema={ex.sets} p={p} />
            <NumberInput k="reps" schema={ex.reps} p={p} />
            <NumberInput k="holdSeconds" schema={ex.holdSeconds} p={p} />
            <NumberInput k="restSeconds" schema={ex.restSeconds} p={p} />
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
            <NumberInput k="timesPerDay" schema={ex.timesPerDay} p={p} />
            <NumberInput k="daysPerWeek" schema={ex.daysPerWeek} p={p} />
          </div>
          <Note p={p} />
        </>
      );
    case "walking": {
      // A sitting break comes round every so many minutes, so a count of walks a day does not apply.
      const interval = (p.draft.breakEveryMinutes ?? "").trim() !== "";
      return (
        <>
          <div className="dose-grid">
            <NumberInput k="minutes" schema={walk.minutes} label="Minutes per session" p={p} />
            {interval ? null : <NumberInput k="sessionsPerDay" schema={walk.sessionsPerDay} p={p} />}
            <NumberInput k="breakEveryMinutes" schema={walk.breakEveryMinutes} label="Or a break every (minutes of sitting)" p={p} />
            <NumberInput k="daysPerWeek" schema={walk.daysPerWeek} p={p} />
            <Select k="intensity" label="Intensity" options={intensityOptions} p={p} />
            {p.draft.intensity === "rpe" ? <NumberInput k="rpe" schema={walk.rpe} label="Effort score (0-10)" p={p} /> : null}
            <NumberInput k="stepMinutes" schema={walk.stepMinutes} label="Add each week (minutes)" p={p} />
            <NumberInput k="capMinutes" schema={walk.capMinutes} p={p} />
          </div>
          <Note p={p} label="Surface, footwear or other note" />
        </>
      );
    }
    case "visit":
      return <VisitFields {...p} />;
    case "education":
      return <Note p={p} label="Extra note for this patient" />;
  }
}

function spansOf(draft: DoseDraft) {
  return Array.from({ length: Number(draft.spanCount ?? "0") }, (_, i) => ({
    perWeek: Number(draft[`spans.${i}.perWeek`]),
    weeks: Number(draft[`spans.${i}.weeks`]),
  }));
}

/** The visit pattern as one line ("3 a week for 2 weeks, then 1 a week for 4 weeks"), read when the field is left. */
function VisitFields(p: FieldsProps) {
  const saved = formatVisitPattern(spansOf(p.draft));
  const [typed, setTyped] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const id = `${p.idPrefix}-pattern`;
  const serverErrors = Object.entries(p.errors)
    .filter(([k]) => k === "spans" || k.startsWith("spans."))
    .flatMap(([, messages]) => messages);
  const commit = () => {
    if (typed === null) return;
    setTyped(null);
    if (typed.trim() === saved) {
      setProblem(null);
      return;
    }
    const parsed = parseVisitPattern(typed);
    // A line that cannot be read goes back to the saved pattern, with the reason beside it.
    if (!parsed.ok) return setProblem(parsed.message);
    setProblem(null);
    const patch: DoseDraft = { spanCount: String(parsed.spans.length) };
    parsed.spans.forEach((s, i) => {
      patch[`spans.${i}.perWeek`] = String(s.perWeek);
      patch[`spans.${i}.weeks`] = String(s.weeks);
    });
    p.onCommit(patch);
  };
  return (
    <>
      <div className="dose-grid">
        <Select k="visitType" label="Visit type" options={visitTypeOptions} p={p} />
      </div>
      <TextField
        id={id}
        name="pattern"
        label="Visit pattern"
        hint={`For example: ${VISIT_PATTERN_EXAMPLE}.`}
        autoComplete="off"
        spellCheck={false}
        value={typed ?? saved}
        errors={problem ? [problem] : serverErrors}
        onChange={(e) => setTyped(e.target.value)}
        onBlur={commit}
        onKeyDown={onEnter(commit)}
      />
      <Note p={p} />
    </>
  );
}

"use client";

import "@/lib/zod-browser";
import { useState } from "react";
import { fieldErrorsOf } from "@/lib/action-result";
import type { PlanDto, PlanItemDto } from "@/lib/plan-dto";
import { checkPhases, MAX_PHASES, newPhaseId, phasedKinds, phasesSchema, phaseWeeksWords, PHASE_TITLE_MAX, type PlanPhase } from "@/lib/plan-phases";
import { z } from "zod";
import { useHydrated } from "../use-hydrated";
import { SelectField, TextField } from "../ui/field";
import { RefusedError, type usePlanMutations } from "./use-plan-mutations";

type Mutations = ReturnType<typeof usePlanMutations>;
type Row = { id: string; title: string; fromWeek: string; toWeek: string };

const toRows = (phases: PlanPhase[]): Row[] => phases.map((p) => ({ ...p, fromWeek: String(p.fromWeek), toWeek: String(p.toWeek) }));
const toPhases = (rows: Row[]) => rows.map((r) => ({ ...r, fromWeek: Number(r.fromWeek), toWeek: Number(r.toWeek) }));

/** The same rules the server applies (lib/plan-phases.ts), checked before sending so a slip shows at once. */
function checkRows(rows: Row[], weeks: number) {
  const schema = z.object({ phases: phasesSchema }).superRefine((v, ctx) => checkPhases({ weeks, phases: v.phases, items: [] }, ctx));
  const parsed = schema.safeParse({ phases: toPhases(rows) });
  return parsed.success ? null : fieldErrorsOf(parsed.error);
}

/**
 * Phases of the plan: add, rename, set weeks and remove, then "Save phases"
 * saves the list in one go (the order and overlap rules are about the whole
 * list, so it is checked as one). Phases are kept in week order.
 */
export function PhaseEditor({ plan, readOnly, mutations }: { plan: PlanDto; readOnly: boolean; mutations: Mutations }) {
  const hydrated = useHydrated();
  const [rows, setRows] = useState<Row[]>(() => toRows(plan.phases));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [status, setStatus] = useState("");
  const saved = JSON.stringify(toRows(plan.phases));
  const [shown, setShown] = useState(saved);
  if (shown !== saved) {
    setShown(saved);
    if (Object.keys(errors).length === 0) setRows(JSON.parse(saved) as Row[]);
  }
  const changed = JSON.stringify(rows) !== saved;

  const edit = (i: number, patch: Partial<Row>) => setRows((list) => list.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = () =>
    setRows((list) => {
      const from = list.length > 0 ? Number(list[list.length - 1].toWeek) + 1 : 1;
      const start = Number.isFinite(from) ? Math.min(from, plan.weeks) : 1;
      return [...list, { id: newPhaseId(toPhases(list)), title: "", fromWeek: String(start), toWeek: String(Math.min(start + 1, plan.weeks)) }];
    });
  const save = () => {
    const sorted = [...rows].sort((a, b) => Number(a.fromWeek) - Number(b.fromWeek));
    setRows(sorted);
    const problems = checkRows(sorted, plan.weeks);
    if (problems) {
      setErrors(problems);
      setStatus("Not saved: please correct the phases marked below.");
      return;
    }
    setStatus("Saving…");
    mutations.setPhases.mutate(toPhases(sorted), {
      onSuccess: () => {
        setErrors({});
        setStatus("Phases saved.");
      },
      onError: (error) => {
        setErrors(error instanceof RefusedError ? error.fieldErrors : {});
        setStatus(`Not saved: ${error.message}`);
      },
    });
  };

  return (
    <section className="card phases" aria-labelledby="phases-h">
      <h2 id="phases-h">Phases</h2>
      <p className="hint">
        Optional. Split the plan into stages by week (for example weeks 1-2 &ldquo;Settle the pain&rdquo;, weeks 3-6 &ldquo;Build strength&rdquo;),
        then choose each exercise&apos;s phase. Walks, visits and items left on &ldquo;Whole plan&rdquo; run every week.
      </p>
      {rows.length === 0 ? <p className="muted">This plan has no phases.</p> : null}
      {rows.map((row, i) => (
        <fieldset key={row.id} className="phase-row">
          <legend>Phase {i + 1}</legend>
          <div className="field-row">
            <TextField
              label={`Phase ${i + 1} name`}
              name={`phase-${i}-title`}
              id={`phase-${row.id}-title`}
              value={row.title}
              maxLength={PHASE_TITLE_MAX}
              disabled={readOnly}
              errors={errors[`phases.${i}.title`]}
              onChange={(e) => edit(i, { title: e.target.value })}
            />
            <TextField
              label={`Phase ${i + 1} first week`}
              name={`phase-${i}-from`}
              id={`phase-${row.id}-from`}
              type="number"
              inputMode="numeric"
              min={1}
              max={plan.weeks}
              value={row.fromWeek}
              disabled={readOnly}
              errors={errors[`phases.${i}.fromWeek`]}
              onChange={(e) => edit(i, { fromWeek: e.target.value })}
            />
            <TextField
              label={`Phase ${i + 1} last week`}
              name={`phase-${i}-to`}
              id={`phase-${row.id}-to`}
              type="number"
              inputMode="numeric"
              min={1}
              max={plan.weeks}
              value={row.toWeek}
              disabled={readOnly}
              errors={errors[`phases.${i}.toWeek`]}
              onChange={(e) => edit(i, { toWeek: e.target.value })}
            />
          </div>
          {readOnly ? null : (
            <button
              type="button"
              className="button small danger"
              disabled={!hydrated}
              onClick={() => setRows((list) => list.filter((_, j) => j !== i))}
            >
              Remove phase {i + 1}
              <span className="visually-hidden">{row.title ? ` (${row.title})` : ""}</span>
            </button>
          )}
        </fieldset>
      ))}
      {errors.phases || errors._form ? (
        <p className="field-error" role="alert">
          {[...(errors.phases ?? []), ...(errors._form ?? [])].join(" ")}
        </p>
      ) : null}
      {readOnly ? null : (
        <div className="actions">
          <button type="button" className="button secondary" disabled={!hydrated || rows.length >= MAX_PHASES} onClick={add}>
            New phase
          </button>
          <button type="button" className="button" disabled={!hydrated || !changed || mutations.setPhases.isPending} onClick={save}>
            Save phases
          </button>
        </div>
      )}
      <p className="save-state" aria-live="polite">
        {status}
      </p>
    </section>
  );
}

/** The phase an exercise or tip belongs to; shown only when the plan has phases. */
export function ItemPhaseSelect({
  item,
  phases,
  readOnly,
  mutations,
}: {
  item: PlanItemDto;
  phases: PlanPhase[];
  readOnly: boolean;
  mutations: Mutations;
}) {
  if (phases.length === 0 || !phasedKinds.includes(item.kind)) return null;
  return (
    <SelectField
      label="Phase"
      name="phaseId"
      id={`item-${item.id}-phase`}
      value={item.phaseId ?? ""}
      disabled={readOnly}
      options={[
        { value: "", label: "Whole plan (every week)" },
        ...phases.map((p) => ({ value: p.id, label: `${p.title} (${phaseWeeksWords(p)})` })),
      ]}
      onChange={(e) => mutations.setItemPhase.mutate({ itemId: item.id, phaseId: e.target.value || null })}
    />
  );
}

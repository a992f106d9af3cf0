"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useState } from "react";
import { formatDateShort } from "@/lib/calendar-date";
import { doseSchemaByKind, type AnyDose, type VisitDose, type WalkingDose } from "@/lib/dose";
import { doseToDraft, draftToDose, type DoseDraft } from "@/lib/dose-draft";
import { describeDose } from "@/lib/dose-wording";
import { errorsStillTrue } from "@/lib/field-errors";
import { categoryLabels } from "@/lib/library";
import type { PlanItemDto, UsualDose } from "@/lib/plan-dto";
import type { PrecautionKind } from "@/lib/precautions";
import { expandVisits } from "@/lib/visit-schedule";
import { walkingWeeks } from "@/lib/walking-progression";
import { DoseFields } from "./dose-fields";
import { ApplyDaysToAll, UsualDoseButton } from "./item-shortcuts";
import { ItemPhaseSelect } from "./phase-editor";
import type { PlanPhase } from "@/lib/plan-phases";
import { PrecautionWarning, WalkingJumpWarning } from "./item-warnings";
import { RefusedError, type usePlanMutations } from "./use-plan-mutations";

type Props = {
  item: PlanItemDto;
  index: number;
  count: number;
  planWeeks: number;
  phases: PlanPhase[];
  patientPrecautions: PrecautionKind[];
  /** The viewer's usual dose for this item's library entry, if they saved one. */
  usual: UsualDose | undefined;
  startDate: string;
  readOnly: boolean;
  mutations: ReturnType<typeof usePlanMutations>;
  onMove: (from: number, to: number) => void;
};

export function ItemCard({ item, index, count, planWeeks, phases, patientPrecautions, usual, startDate, readOnly, mutations, onMove }: Props) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
    disabled: readOnly,
  });
  const [draft, setDraft] = useState<DoseDraft>(() => doseToDraft(item.kind, item.dose));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [status, setStatus] = useState("");
  const savedJson = JSON.stringify(item.dose);

  // When the saved dose changes (another save, a refetch), show it, unless the therapist is fixing a refused value.
  // Adjusted while rendering (React's pattern for state that follows a prop), not in an effect.
  const [shownJson, setShownJson] = useState(savedJson);
  if (shownJson !== savedJson) {
    setShownJson(savedJson);
    if (Object.keys(errors).length === 0) setDraft(doseToDraft(item.kind, item.dose));
  }

  const headingId = `item-${item.id}-name`;
  const change = (key: string, value: string) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    // A message about a value that is now fine goes away as soon as it is fixed.
    setErrors((current) => errorsStillTrue(current, doseSchemaByKind[item.kind].safeParse(draftToDose(item.kind, next))));
  };
  const commit = (patch?: DoseDraft) => {
    const next = patch ? { ...draft, ...patch } : draft;
    if (patch) setDraft(next);
    const dose = draftToDose(item.kind, next);
    if (JSON.stringify(dose) === savedJson) return;
    setStatus("Saving…");
    mutations.updateDose.mutate(
      { itemId: item.id, dose: dose as AnyDose, base: JSON.parse(savedJson) as AnyDose },
      {
        onSuccess: () => {
          setErrors({});
          setStatus("Saved");
        },
        onError: (error) => {
          const fieldErrors = error instanceof RefusedError ? error.fieldErrors : {};
          // Someone else saved first: no field is wrong, and clearing the errors lets the reload show their values.
          if (error instanceof RefusedError && error.code === "CONFLICT") setErrors({});
          else setErrors(Object.keys(fieldErrors).length ? fieldErrors : { _form: [error.message] });
          // A refused value never stays on screen: the field shows what is saved, the message says why.
          setDraft(doseToDraft(item.kind, JSON.parse(savedJson) as AnyDose));
          setStatus(`Not saved: ${error.message}`);
        },
      },
    );
  };

  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={isDragging ? "item dragging" : "item"}
      aria-labelledby={headingId}
    >
      <div className="item-head">
        <div>
          <h3 id={headingId}>
            {index + 1}. {item.entry.name}
          </h3>
          <span className="muted">{categoryLabels[item.entry.category]}</span>
        </div>
        {!readOnly ? (
          <div className="actions">
            <button
              type="button"
              className="button small drag-handle"
              ref={setActivatorNodeRef}
              {...attributes}
              {...listeners}
              aria-label={`Drag to reorder ${item.entry.name}`}
            >
              ⠿
            </button>
            <button type="button" className="button small" disabled={index === 0} onClick={() => onMove(index, index - 1)}>
              Move up<span className="visually-hidden"> {item.entry.name}</span>
            </button>
            <button type="button" className="button small" disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
              Move down<span className="visually-hidden"> {item.entry.name}</span>
            </button>
            <button
              type="button"
              className="button small danger"
              onClick={() => {
                if (window.confirm(`Remove ${item.entry.name} from this plan?`)) mutations.remove.mutate(item.id);
              }}
            >
              Remove<span className="visually-hidden"> {item.entry.name}</span>
            </button>
          </div>
        ) : null}
      </div>
      <PrecautionWarning
        item={item}
        patientPrecautions={patientPrecautions}
        readOnly={readOnly}
        onKeep={() => mutations.confirmConflicts.mutate(item.id)}
      />
      {item.kind === "walking" ? <WalkingJumpWarning dose={item.dose} weeks={planWeeks} /> : null}
      {item.kind !== "education" ? <p className="dose-words">{describeDose(item)}</p> : <p className="dose-words">{item.entry.summary}</p>}
      <ItemPhaseSelect item={item} phases={phases} readOnly={readOnly} mutations={mutations} />
      {readOnly ? null : (
        <>
          <DoseFields
            kind={item.kind}
            idPrefix={`item-${item.id}`}
            draft={draft}
            errors={errors}
            onChange={change}
            onCommit={commit}
            after={item.kind === "exercise" ? { daysPerWeek: <ApplyDaysToAll item={item} mutations={mutations} /> } : undefined}
          />
          {item.kind !== "education" ? <UsualDoseButton item={item} usual={usual} mutations={mutations} /> : null}
          {errors._form ? (
            <p className="field-error" role="alert">
              {errors._form.join(" ")}
            </p>
          ) : null}
          <p className="save-state" aria-live="polite">
            {status}
          </p>
        </>
      )}
      {item.kind === "walking" ? <WalkingTable dose={item.dose} weeks={planWeeks} name={item.entry.name} /> : null}
      {item.kind === "visit" ? <VisitDates dose={item.dose} startDate={startDate} /> : null}
    </li>
  );
}

function WalkingTable({ dose, weeks, name }: { dose: WalkingDose; weeks: number; name: string }) {
  const rows = walkingWeeks(dose, weeks);
  return (
    <details>
      <summary>Week-by-week minutes</summary>
      <table className="weeks">
        <caption className="visually-hidden">{name}: minutes per walk each week</caption>
        <thead>
          <tr>
            <th scope="col">Week</th>
            <th scope="col">Minutes per walk</th>
            <th scope="col">Minutes that week</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.week}>
              <td>{r.week}</td>
              <td>{r.minutes}</td>
              <td>
                {r.weeklyMinutes}
                {r.bigJump ? " (more than 20 % up: check this step)" : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function VisitDates({ dose, startDate }: { dose: VisitDose; startDate: string }) {
  const visits = expandVisits(dose, startDate);
  return (
    <details>
      <summary>{visits.length} dated visits</summary>
      <ul>
        {visits.map((v) => (
          <li key={v.date}>
            Week {v.week}: {formatDateShort(v.date)}
          </li>
        ))}
      </ul>
    </details>
  );
}

"use client";

import {
  closestCorners,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { tooManyExercisesWarning } from "@/lib/exercise-count";
import { useHydrated } from "../use-hydrated";
import { ItemCard } from "./item-card";
import { takePendingEdits } from "./pending-edit";
import { LibraryPicker } from "./library-picker";
import { PlanHeaderForm } from "./plan-header-form";
import { PhaseEditor } from "./phase-editor";
import { groupByPhase, phaseWeeksWords } from "@/lib/plan-phases";
import { planQueryOptions } from "./queries";
import { usePlanMutations } from "./use-plan-mutations";

/** The one owner of a plan's data in the browser: everything below reads the ["plan", id] query. */
export function PlanEditor({ planId }: { planId: number }) {
  const { data: plan } = useSuspenseQuery(planQueryOptions(planId));
  const mutations = usePlanMutations(planId);

  // Save what was typed before a lapsed session sent the therapist to sign in.
  useEffect(() => {
    for (const edit of takePendingEdits(planId)) {
      if (edit.kind === "dose") mutations.updateDose.mutate({ itemId: edit.itemId, dose: edit.dose });
      else mutations.updateHeader.mutate({ version: plan.version, input: edit.input });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [planId]);
  const readOnly = plan.status === "completed" || plan.status === "archived";
  const tooMany = tooManyExercisesWarning(plan.items);
  const hydrated = useHydrated();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  // Items show grouped by phase (one group when the plan has none); moves stay inside a group, the Phase menu moves between them.
  const groups = groupByPhase(plan.phases, plan.items);
  const ordered = groups.flatMap((g) => g.items);
  const groupOf = (id: UniqueIdentifier) => groups.findIndex((g) => g.items.some((it) => it.id === id));
  const move = (from: number, to: number) => {
    if (to < 0 || to >= ordered.length) return;
    mutations.reorder.mutate(arrayMove(ordered, from, to).map((it) => it.id));
  };
  const nameOf = (id: UniqueIdentifier) => plan.items.find((it) => it.id === id)?.entry.name ?? "Item";
  const placeOf = (id: UniqueIdentifier) => {
    const group = groups[groupOf(id)]?.items ?? [];
    return `number ${group.findIndex((it) => it.id === id) + 1} of ${group.length}`;
  };
  // Spoken by dnd-kit's live region during a keyboard or pointer drag, in the clinic's words rather than ids.
  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${nameOf(active.id)}, ${placeOf(active.id)}. Use the arrow keys to move it, Space to drop it, Escape to cancel.`,
    onDragOver: ({ active, over }) => (over ? `${nameOf(active.id)} is now at ${placeOf(over.id)}.` : `${nameOf(active.id)} is outside the list.`),
    onDragEnd: ({ active, over }) => (over ? `${nameOf(active.id)} dropped at ${placeOf(over.id)}.` : `${nameOf(active.id)} dropped.`),
    onDragCancel: ({ active }) => `Moving ${nameOf(active.id)} was cancelled.`,
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id || groupOf(active.id) !== groupOf(over.id)) return;
    const from = ordered.findIndex((it) => it.id === active.id);
    const to = ordered.findIndex((it) => it.id === over.id);
    move(from, to);
  };

  return (
    <div className="editor">
      {/* Until React has hydrated, a typed value would be reset and a click dropped: every field waits, visibly, instead. */}
      <fieldset className="bare" disabled={!hydrated} aria-busy={!hydrated}>
        <PlanHeaderForm plan={plan} readOnly={readOnly} mutations={mutations} />
        <PhaseEditor plan={plan} readOnly={readOnly} mutations={mutations} />
        <h2 id="items-h">Items in this plan ({plan.items.length})</h2>
        {tooMany ? <p className="alert">{tooMany}</p> : null}
        {plan.items.length === 0 ? <p className="muted">No items yet. Add some from the library.</p> : null}
        {plan.problems.map((p) => (
          <div key={p.id} className="alert" role="alert">
            <p>
              <strong>{p.name}</strong> has a dose that no longer passes its checks: {p.message} Remove it and add it again to issue this plan.
            </p>
            {readOnly ? null : (
              <button type="button" className="button small danger" onClick={() => mutations.remove.mutate(p.id)}>
                Remove<span className="visually-hidden"> {p.name}</span>
              </button>
            )}
          </div>
        ))}
        <DndContext
          sensors={sensors}
          collisionDetection={closestCorners}
          onDragEnd={onDragEnd}
          accessibility={{
            announcements,
            screenReaderInstructions: {
              draggable:
                "To move an item, press Space, use the arrow keys, then press Space again to drop it. Or use the Move up and Move down buttons.",
            },
          }}
        >
          {groups.map(({ phase, items }, g) => {
            const first = groups.slice(0, g).reduce((n, gr) => n + gr.items.length, 0);
            const headingId = phase ? `items-${phase.id}-h` : "items-h";
            if (phase === null && items.length === 0 && plan.phases.length > 0) return null;
            return (
              <SortableContext key={phase?.id ?? "whole"} items={items.map((it) => it.id)} strategy={verticalListSortingStrategy}>
                {plan.phases.length > 0 ? (
                  <h3 className="phase-heading" id={phase ? headingId : "items-whole-h"}>
                    {phase ? `${phase.title} (${phaseWeeksWords(phase)})` : "Whole plan (every week)"}
                  </h3>
                ) : null}
                {phase && items.length === 0 ? <p className="muted">No items in this phase yet. Choose it in an item&apos;s Phase menu.</p> : null}
                <ol className="items" aria-labelledby={plan.phases.length > 0 ? (phase ? headingId : "items-whole-h") : "items-h"}>
                  {items.map((item, index) => (
                    <ItemCard
                      key={item.id}
                      item={item}
                      index={index}
                      count={items.length}
                      planWeeks={plan.weeks}
                      phases={plan.phases}
                      patientPrecautions={plan.patientPrecautions}
                      usual={plan.usualDoses.find((u) => u.libraryEntryId === item.entry.libraryEntryId)}
                      startDate={plan.startDate}
                      readOnly={readOnly}
                      mutations={mutations}
                      onMove={(from, to) => move(first + from, first + to)}
                    />
                  ))}
                </ol>
              </SortableContext>
            );
          })}
        </DndContext>
      </fieldset>
      <aside aria-label="Add from the library">
        {readOnly ? null : (
          <fieldset className="bare" disabled={!hydrated} aria-busy={!hydrated}>
            <LibraryPicker onAdd={(ids) => mutations.add.mutate(ids)} adding={mutations.add.isPending} />
          </fieldset>
        )}
      </aside>
      <p className="visually-hidden" role="status" aria-live="polite">
        {mutations.announcement}
      </p>
      {mutations.add.error || mutations.reorder.error || mutations.remove.error || mutations.setItemPhase.error ? (
        <p className="alert" role="alert">
          {(mutations.add.error ?? mutations.reorder.error ?? mutations.remove.error ?? mutations.setItemPhase.error)?.message}
        </p>
      ) : null}
    </div>
  );
}

"use client";

import { useState } from "react";
import { daysAWeek } from "@/lib/dose-wording";
import type { PlanItemDto, UsualDose } from "@/lib/plan-dto";
import { useHydrated } from "../use-hydrated";
import type { usePlanMutations } from "./use-plan-mutations";

type Mutations = ReturnType<typeof usePlanMutations>;

/**
 * "Save as my usual dose": adding this library entry to a later plan starts
 * from this dose. A usual dose already saved is shown in words, with
 * "Forget my usual dose" to go back to the library's dose.
 */
export function UsualDoseButton({ item, usual, mutations }: { item: PlanItemDto; usual: UsualDose | undefined; mutations: Mutations }) {
  const hydrated = useHydrated();
  const [status, setStatus] = useState("");
  const busy = mutations.saveUsualDose.isPending || mutations.forgetUsualDose.isPending;
  const name = item.entry.name;
  const libraryEntryId = item.entry.libraryEntryId;
  return (
    <div className="item-shortcut">
      {usual ? <p className="usual-dose">Your usual dose: {usual.words}</p> : null}
      <button
        type="button"
        className="button small"
        disabled={!hydrated || busy}
        onClick={() => {
          setStatus("Saving…");
          mutations.saveUsualDose.mutate(item.id, {
            onSuccess: () => setStatus(`Saved as your usual dose for ${name}.`),
            onError: (error) => setStatus(`Not saved: ${error.message}`),
          });
        }}
      >
        Save as my usual dose<span className="visually-hidden"> for {name}</span>
      </button>
      {usual && libraryEntryId !== null ? (
        <button
          type="button"
          className="button small"
          disabled={!hydrated || busy}
          onClick={() => {
            setStatus("Forgetting…");
            mutations.forgetUsualDose.mutate(libraryEntryId, {
              onSuccess: () => setStatus(`Your usual dose for ${name} is forgotten: it starts from the library's dose again.`),
              onError: (error) => setStatus(`Not forgotten: ${error.message}`),
            });
          }}
        >
          Forget my usual dose<span className="visually-hidden"> for {name}</span>
        </button>
      ) : null}
      <p className="shortcut-state" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

/** "Apply to all exercises": this exercise's days per week for every exercise of the plan, in one change. */
export function ApplyDaysToAll({ item, mutations }: { item: PlanItemDto; mutations: Mutations }) {
  const hydrated = useHydrated();
  if (item.kind !== "exercise") return null;
  const days = item.dose.daysPerWeek;
  return (
    <button
      type="button"
      className="button small apply-all"
      disabled={!hydrated || mutations.applyDaysToAll.isPending}
      onClick={() => mutations.applyDaysToAll.mutate(days)}
    >
      Apply {daysAWeek(days)} to all exercises<span className="visually-hidden"> (from {item.entry.name})</span>
    </button>
  );
}

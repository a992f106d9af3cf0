"use client";

import { useState } from "react";
import { daysAWeek } from "@/lib/dose-wording";
import type { PlanItemDto } from "@/lib/plan-dto";
import { useHydrated } from "../use-hydrated";
import type { usePlanMutations } from "./use-plan-mutations";

type Mutations = ReturnType<typeof usePlanMutations>;

/** "Save as my usual dose": adding this library entry to a later plan starts from this dose. */
export function UsualDoseButton({ item, mutations }: { item: PlanItemDto; mutations: Mutations }) {
  const hydrated = useHydrated();
  const [status, setStatus] = useState("");
  return (
    <div className="item-shortcut">
      <button
        type="button"
        className="button small"
        disabled={!hydrated || mutations.saveUsualDose.isPending}
        onClick={() => {
          setStatus("Saving…");
          mutations.saveUsualDose.mutate(item.id, {
            onSuccess: () => setStatus(`Saved as your usual dose for ${item.entry.name}.`),
            onError: (error) => setStatus(`Not saved: ${error.message}`),
          });
        }}
      >
        Save as my usual dose<span className="visually-hidden"> for {item.entry.name}</span>
      </button>
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

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  addPlanItemAction,
  applyDaysPerWeekAction,
  confirmPlanItemConflictsAction,
  removePlanItemAction,
  reorderPlanItemsAction,
  forgetUsualDoseAction,
  saveUsualDoseAction,
  setPlanItemPhaseAction,
  setPlanPhasesAction,
  updatePlanAction,
  updatePlanItemDoseAction,
} from "@/app/(clinic)/plans/actions";
import type { ActionResult } from "@/lib/action-result";
import type { AnyDose } from "@/lib/dose";
import { planDocumentItemSchema } from "@/lib/plan-document";
import type { PlanDto, PlanItemDto } from "@/lib/plan-dto";
import type { PlanPhase } from "@/lib/plan-phases";
import { itemConflicts } from "@/lib/precautions";
import { goToSignIn, stashPendingEdit } from "./pending-edit";
import { planKeys } from "./queries";

/** A refusal from the server, carrying its per-field messages. */
export class RefusedError extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The item with a new dose, if that dose fits its kind (the server has the last word either way). */
function withDose(item: PlanItemDto, dose: AnyDose): PlanItemDto {
  const parsed = planDocumentItemSchema.safeParse({ ...item, dose });
  return parsed.success ? { ...item, ...parsed.data } : item;
}

const isSignedOut = (error: unknown) => error instanceof RefusedError && error.code === "SIGNED_OUT";

async function unwrap<T>(pending: Promise<ActionResult<T>>): Promise<T> {
  let result: ActionResult<T>;
  try {
    result = await pending;
  } catch {
    throw new RefusedError("Could not reach the server, so the change was not saved. Check your connection and try again.");
  }
  if (!result.ok) throw new RefusedError(result.message, result.fieldErrors, result.code);
  return result.data;
}

/**
 * Every edit in the plan editor goes through here: the cache is updated at
 * once (optimistic), the server action runs, and a refusal puts the cache
 * back as it was and reports the reason.
 */
export function usePlanMutations(planId: number) {
  const queryClient = useQueryClient();
  const key = planKeys.plan(planId);
  const [announcement, setAnnouncement] = useState("");

  function optimistic<V>(apply: (plan: PlanDto, vars: V) => PlanDto, done: string, pendingOf?: (vars: V) => Parameters<typeof stashPendingEdit>[1]) {
    return {
      onMutate: async (vars: V) => {
        await queryClient.cancelQueries({ queryKey: key });
        const previous = queryClient.getQueryData<PlanDto>(key);
        if (previous) queryClient.setQueryData<PlanDto>(key, apply(previous, vars));
        setAnnouncement("Saving…");
        return { previous };
      },
      onError: (error: Error, vars: V, context?: { previous?: PlanDto }) => {
        if (context?.previous) queryClient.setQueryData(key, context.previous);
        if (isSignedOut(error)) return signedOut(pendingOf?.(vars));
        setAnnouncement(`Not saved: ${error.message}`);
      },
      onSuccess: () => setAnnouncement(done),
      onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
    };
  }

  // A lapsed session: keep the typed edit for after sign-in, then go and sign in.
  function signedOut(edit?: Parameters<typeof stashPendingEdit>[1]) {
    if (edit) stashPendingEdit(planId, edit);
    setAnnouncement("Your session ended. Taking you to sign in; your change will be saved when you are back.");
    goToSignIn();
  }

  const updateDose = useMutation({
    // One dose save at a time, so each one's `base` is what the one before it saved.
    scope: { id: `plan-${planId}-doses` },
    mutationFn: ({ itemId, dose, base }: { itemId: number; dose: AnyDose; base?: AnyDose }) =>
      unwrap(updatePlanItemDoseAction(planId, itemId, dose, base)),
    ...optimistic<{ itemId: number; dose: AnyDose; base?: AnyDose }>(
      (plan, { itemId, dose }) => ({ ...plan, items: plan.items.map((it) => (it.id === itemId ? withDose(it, dose) : it)) }),
      "Dose saved.",
      ({ itemId, dose }) => ({ kind: "dose", itemId, dose }),
    ),
  });

  const confirmConflicts = useMutation({
    mutationFn: (itemId: number) => unwrap(confirmPlanItemConflictsAction(planId, itemId)),
    ...optimistic<number>(
      (plan, itemId) => ({
        ...plan,
        items: plan.items.map((it) =>
          it.id === itemId ? { ...it, confirmedConflicts: itemConflicts(it.conflictsWith, plan.patientPrecautions).map((c) => c.precaution) } : it,
        ),
      }),
      "Kept on the plan. Your confirmation is recorded.",
    ),
  });

  const reorder = useMutation({
    // One order save at a time, so two quick moves reach the server in the order they were made.
    scope: { id: `plan-${planId}-order` },
    mutationFn: (itemIds: number[]) => unwrap(reorderPlanItemsAction(planId, itemIds)),
    ...optimistic<number[]>((plan, ids) => {
      const byId = new Map(plan.items.map((it) => [it.id, it]));
      return { ...plan, items: ids.map((id, position) => ({ ...byId.get(id)!, position })) };
    }, "New order saved."),
  });

  const remove = useMutation({
    mutationFn: (itemId: number) => unwrap(removePlanItemAction(planId, itemId)),
    ...optimistic<number>((plan, itemId) => ({ ...plan, items: plan.items.filter((it) => it.id !== itemId) }), "Item removed."),
  });

  // Adding needs the server's new id and default dose, so it waits for the server instead of guessing.
  // Several ticked entries are added one after another, in the order shown; each is its own audited change.
  const add = useMutation({
    mutationFn: async (libraryEntryIds: number | number[]) => {
      const ids = Array.isArray(libraryEntryIds) ? libraryEntryIds : [libraryEntryIds];
      for (const id of ids) await unwrap(addPlanItemAction(planId, id));
      return ids.length;
    },
    onMutate: () => setAnnouncement("Adding…"),
    onError: (error: Error) => (isSignedOut(error) ? signedOut() : setAnnouncement(`Not added: ${error.message}`)),
    onSuccess: (n) => setAnnouncement(n === 1 ? "Item added to the plan." : `${n} items added to the plan.`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  const updateHeader = useMutation({
    mutationFn: ({ version, input }: { version: number; input: Record<string, string> }) => unwrap(updatePlanAction(planId, version, input)),
    onMutate: () => setAnnouncement("Saving…"),
    onError: (error: Error, vars: { version: number; input: Record<string, string> }) =>
      isSignedOut(error) ? signedOut({ kind: "header", ...vars }) : setAnnouncement(`Not saved: ${error.message}`),
    onSuccess: (data) => {
      queryClient.setQueryData<PlanDto>(key, (plan) => (plan ? { ...plan, version: data.version } : plan));
      setAnnouncement("Plan details saved.");
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  // The plan query carries the usual doses in words, so it is read again after either change.
  const saveUsualDose = useMutation({
    mutationFn: (itemId: number) => unwrap(saveUsualDoseAction(planId, itemId)),
    onError: (error: Error) => isSignedOut(error) && signedOut(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  const forgetUsualDose = useMutation({
    mutationFn: (libraryEntryId: number) => unwrap(forgetUsualDoseAction(libraryEntryId)),
    onError: (error: Error) => isSignedOut(error) && signedOut(),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  // Every exercise changes at once: shown at once, put back if refused.
  const applyDaysToAll = useMutation({
    mutationFn: (daysPerWeek: number) => unwrap(applyDaysPerWeekAction(planId, daysPerWeek)),
    ...optimistic<number>(
      (plan, daysPerWeek) => ({
        ...plan,
        items: plan.items.map((it) => (it.kind === "exercise" ? withDose(it, { ...it.dose, daysPerWeek }) : it)),
      }),
      "Days per week set for all exercises.",
    ),
  });

  const setItemPhase = useMutation({
    mutationFn: ({ itemId, phaseId }: { itemId: number; phaseId: string | null }) => unwrap(setPlanItemPhaseAction(planId, itemId, phaseId)),
    ...optimistic<{ itemId: number; phaseId: string | null }>(
      (plan, { itemId, phaseId }) => ({
        ...plan,
        items: plan.items.map((it) => (it.id === itemId ? { ...it, phaseId: phaseId ?? undefined } : it)),
      }),
      "Phase saved.",
    ),
  });

  // The phase list is checked as a whole on the server, so it waits for the answer rather than guessing.
  const setPhases = useMutation({
    mutationFn: (phases: PlanPhase[]) => unwrap(setPlanPhasesAction(planId, phases)),
    onMutate: () => setAnnouncement("Saving…"),
    onError: (error: Error) => (isSignedOut(error) ? signedOut() : setAnnouncement(`Not saved: ${error.message}`)),
    onSuccess: () => setAnnouncement("Phases saved."),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  return {
    updateDose,
    confirmConflicts,
    reorder,
    remove,
    add,
    updateHeader,
    saveUsualDose,
    forgetUsualDose,
    applyDaysToAll,
    setItemPhase,
    setPhases,
    announcement,
  };
}

import type { AnyDose } from "@/lib/dose";

/**
 * An edit the server could not take because the session had ended. It waits
 * in this tab's sessionStorage while the therapist signs in again, and the
 * editor saves it on return, so nothing typed is lost.
 */
export type PendingEdit = { kind: "dose"; itemId: number; dose: AnyDose } | { kind: "header"; version: number; input: Record<string, string> };

const key = (planId: number) => `stride:pending-edit:plan:${planId}`;

export function stashPendingEdit(planId: number, edit: PendingEdit) {
  const list = takePendingEdits(planId);
  sessionStorage.setItem(key(planId), JSON.stringify([...list, edit]));
}

export function takePendingEdits(planId: number): PendingEdit[] {
  const raw = sessionStorage.getItem(key(planId));
  sessionStorage.removeItem(key(planId));
  if (!raw) return [];
  try {
    return JSON.parse(raw) as PendingEdit[];
  } catch {
    return [];
  }
}

export function goToSignIn() {
  const here = window.location.pathname + window.location.search;
  // A full page load on purpose: the expired session's cached client state must not outlive it.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/sign-in?next=${encodeURIComponent(here)}`);
}

"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False while the page is server HTML only, true once React has hydrated it.
 * Buttons that only work through JavaScript stay disabled until then, so a
 * quick click on a slow phone or a busy server is never silently dropped.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

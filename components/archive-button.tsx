"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";
import { useHydrated } from "./use-hydrated";

/** A one-click state change (archive, restore, retire) with an optional confirmation. */
export function ArchiveButton({ action, label, confirm }: { action: () => Promise<ActionResult<unknown>>; label: string; confirm: string | null }) {
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={pending || !hydrated}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          startTransition(async () => {
            const result = await action();
            setMessage(result.ok ? null : result.message);
          });
        }}
      >
        {pending ? "Working…" : label}
      </button>
      {message ? (
        <p className="form-message" role="alert">
          {message}
        </p>
      ) : null}
    </>
  );
}

"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { SubmitButton } from "./ui/submit-button";

/** Upload a plan document (.json); a refused file lists each problem by where it is in the file. */
export function PlanImportForm({
  action,
}: {
  action: (prev: ActionResult<{ id: number }> | null, formData: FormData) => Promise<ActionResult<{ id: number }>>;
}) {
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const problems = Object.entries(failed?.fieldErrors ?? {});
  return (
    <form action={formAction} className="form">
      <div className="field">
        <label htmlFor="plan-file">Plan file (.json)</label>
        <input id="plan-file" name="file" type="file" accept="application/json,.json" required aria-describedby="plan-file-hint plan-file-problems" />
        <p id="plan-file-hint" className="hint">
          A plan exported from Stride (any version). It becomes a new draft for this patient; nothing reaches the patient until you issue it.
        </p>
      </div>
      <div id="plan-file-problems" aria-live="polite">
        {failed ? (
          <div className="alert" role="alert">
            <p>{failed.message}</p>
            {problems.length > 0 ? (
              <ul>
                {problems.map(([path, messages]) =>
                  messages.map((m, i) => (
                    <li key={`${path}-${i}`}>
                      <code>{path}</code>: {m}
                    </li>
                  )),
                )}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
      <SubmitButton pendingText="Importing…">Import as a new draft</SubmitButton>
    </form>
  );
}

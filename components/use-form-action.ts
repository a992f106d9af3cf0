"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";

type FormValues = Record<string, string | string[] | undefined>;

/**
 * The `useActionState` wiring the app's forms share: run the server action,
 * keep what was typed (React resets a form after an action, and a refusal
 * must lose nothing), and hand back the refusal with its field errors.
 * `lists` are fields sent several times (checkboxes); `omit` are never echoed
 * back (a password on the setup form); `forgetOnSuccess` clears the values once saved.
 */
export function useFormAction<V extends FormValues = Record<string, string>>(
  action: (prev: null, formData: FormData) => Promise<ActionResult<unknown> | undefined | void>,
  options: { initial?: V; lists?: readonly string[]; omit?: readonly string[]; forgetOnSuccess?: boolean } = {},
) {
  const { lists = [], omit = [], forgetOnSuccess = false } = options;
  const [state, formAction, pending] = useActionState(async (_prev: { result: ActionResult<unknown>; values: V } | null, formData: FormData) => {
    const result = await action(null, formData);
    if (!result) return null;
    const values: FormValues = {};
    for (const [key, value] of formData) if (typeof value === "string") values[key] = value;
    for (const key of lists) values[key] = formData.getAll(key).map(String);
    for (const key of omit) delete values[key];
    return { result, values: (forgetOnSuccess && result.ok ? {} : values) as V };
  }, null);
  const failed = state && !state.result.ok ? state.result : null;
  return {
    formAction,
    pending,
    /** The last result, or null before the first submit. */
    result: state?.result ?? null,
    failed,
    errors: failed?.fieldErrors ?? {},
    /** What to show in the fields: what was last sent, else the initial values. */
    values: state?.values ?? options.initial ?? ({} as V),
  };
}

import type { z } from "zod";

/** The one result shape every server action returns. */
export type ActionResult<T = void> = { ok: true; data: T } | { ok: false; message: string; fieldErrors?: Record<string, string[]>; code?: string };

export type FieldErrors = Record<string, string[]>;

/** zod issues keyed by dotted path ("spans.1.weeks"), the way forms name fields. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export function invalid(error: z.ZodError): { ok: false; message: string; fieldErrors: FieldErrors } {
  return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(error) };
}

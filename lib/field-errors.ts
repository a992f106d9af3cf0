import type { z } from "zod";

export type FieldErrors = Record<string, string[]>;

/**
 * The messages still true for what is typed now: a field fixed since it was
 * refused loses its message at once, instead of waiting for the next save.
 * Keys are zod issue paths joined with dots ("spans.1.weeks"); "_form" stays
 * only while something is still wrong.
 */
export function errorsStillTrue(errors: FieldErrors, check: z.ZodSafeParseResult<unknown>): FieldErrors {
  const keys = Object.keys(errors);
  if (keys.length === 0) return errors;
  if (check.success) return {};
  const wrong = new Set(check.error.issues.map((i) => i.path.join(".")));
  const kept = Object.fromEntries(Object.entries(errors).filter(([k]) => k === "_form" || wrong.has(k)));
  return Object.keys(kept).length === keys.length ? errors : kept;
}

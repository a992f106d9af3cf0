/**
 * The patient's link form posts without JavaScript and is answered with a
 * redirect, so a refusal travels back as field names only (never the typed
 * answers: those would land in logs). Each name maps to a fixed message here.
 */
export function linkFieldMessage(key: string): string | null {
  if (/^sections$/.test(key)) return "Please answer at least 8 of the 10 parts.";
  if (/^sections\.\d$/.test(key)) return "Please choose one of the sentences.";
  if (/^activities$/.test(key)) return "Please name at least one activity and rate it (up to 5 activities).";
  if (/^activities\.\d\.rating$/.test(key)) return "Please rate this activity from 0 to 10.";
  if (/^activities\.\d\.activity$/.test(key)) return "Please say which activity you are rating (a few words).";
  if (/^(pain|enjoyment|activity)$/.test(key)) return "Please choose a number from 0 to 10.";
  if (/^ticked$/.test(key)) return "Please tick only the sentences shown.";
  return null;
}

/** Field names as they go into the redirect: only names this form has, at most 20. */
export function encodeBadFields(keys: string[]): string {
  return keys
    .filter((k) => linkFieldMessage(k) !== null)
    .slice(0, 20)
    .join(",");
}

export function decodeBadFields(value: unknown): Record<string, string> {
  if (typeof value !== "string") return {};
  const out: Record<string, string> = {};
  for (const key of value.split(",").slice(0, 20)) {
    const message = linkFieldMessage(key);
    if (message) out[key] = message;
  }
  return out;
}

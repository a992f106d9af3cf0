import "@/lib/zod-browser";
import { z } from "zod";
import { fieldWords } from "@/lib/zod-bounds";

/** Optional free text: trimmed, "" when left empty, bounded. */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: `${label} can be at most ${max} characters.` })
    .default("");
}

export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, { error: `${label} is required.` })
    .max(max, { error: `${label} can be at most ${max} characters.` });
}

/** Form numbers arrive as strings; "" and missing both mean "not given". */
export function formInt(label: string, min: number, max: number, unit = "") {
  const u = unit ? ` ${unit}` : "";
  return z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v)) : v),
    z
      .number({ error: `${label} must be a number.` })
      .int({ error: `${label} must be a whole number.` })
      .min(min, { error: `${label} must be at least ${min}${u}.` })
      .max(max, { error: `${label} can be at most ${max}${u}.` })
      .register(fieldWords, { label, unit: unit || undefined }),
  );
}

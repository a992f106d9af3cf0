import "@/lib/zod-browser";
import { z } from "zod";

/**
 * Number fields in the browser take their bounds and wording from the zod
 * schema the server checks with, so the two can never disagree.
 */

export type FieldWords = { label: string; unit?: string };

/** Words for a number field, registered where its schema is built (kept out of the JSON Schema, which reads the global registry). */
export const fieldWords = z.registry<FieldWords>();

export type NumberBounds = { min?: number; max?: number; step?: number; label?: string; unit?: string };

// zod reports an unbounded side as null or ±Infinity; an input attribute wants neither.
const finite = (n: number | null) => (n !== null && Number.isFinite(n) ? n : undefined);

/** Looks through optional, nullable, default and preprocess wrappers to the number schema inside. */
export function numberBounds(schema: z.ZodType): NumberBounds {
  let current: z.core.$ZodType = schema;
  let words: FieldWords | undefined;
  for (let depth = 0; depth < 10; depth++) {
    words ??= fieldWords.get(current);
    if (current instanceof z.ZodNumber) {
      return {
        min: finite(current.minValue),
        max: finite(current.maxValue),
        step: current.isInt ? 1 : undefined,
        ...words,
      };
    }
    const def = current._zod.def as { type: string; innerType?: z.core.$ZodType; out?: z.core.$ZodType };
    if (def.innerType) current = def.innerType;
    else if (def.type === "pipe" && def.out) current = def.out;
    else break;
  }
  throw new Error("numberBounds needs a number schema");
}

/** "1 to 10 minutes": the allowed range in words, for a hint beside the field. */
export function rangeWords(bounds: NumberBounds): string {
  const unit = bounds.unit ? ` ${bounds.unit}` : "";
  if (bounds.min !== undefined && bounds.max !== undefined) return `${bounds.min} to ${bounds.max}${unit}`;
  if (bounds.min !== undefined) return `at least ${bounds.min}${unit}`;
  return bounds.max !== undefined ? `at most ${bounds.max}${unit}` : "";
}

/** The input attributes and label for a number field built from its schema (`label` replaces the schema's wording). */
export function numberFieldProps(schema: z.ZodType, label?: string) {
  const b = numberBounds(schema);
  // A label given here is the whole label; the schema's own gets its unit added.
  const schemaLabel = b.unit ? `${b.label ?? ""} (${b.unit})` : (b.label ?? "");
  return {
    label: label ?? schemaLabel,
    type: "number" as const,
    inputMode: "numeric" as const,
    min: b.min,
    max: b.max,
    step: b.step,
  };
}

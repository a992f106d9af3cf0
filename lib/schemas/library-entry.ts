import "@/lib/zod-browser";
import { z } from "zod";
import { bodyRegions, categories } from "@/lib/library";
import { precautionKinds } from "@/lib/precautions";
import { optionalText, requiredText } from "./fields";

/** Lines of a textarea: one step or caution per line, blanks dropped. */
const lines = (label: string, min: number) =>
  z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(/\r?\n/)
            .map((s) => s.replace(/^\s*\d+[.)]\s*/, "").trim())
            .filter(Boolean)
        : v,
    z
      .array(z.string().max(400, { error: `Each line of ${label.toLowerCase()} can be at most 400 characters.` }))
      .min(min, { error: min === 1 ? `Add at least one line of ${label.toLowerCase()}.` : `Add ${label.toLowerCase()}.` })
      .max(12, { error: `At most 12 lines of ${label.toLowerCase()}.` }),
  );

export const libraryEntrySchema = z.object({
  name: requiredText("Name", 120),
  category: z.enum(categories, { error: "Choose a category." }),
  bodyRegions: z.array(z.enum(bodyRegions, { error: "Unknown body region." })).min(1, { error: "Choose at least one body region." }),
  summary: optionalText("Summary", 300),
  steps: lines("Steps", 1),
  cautions: lines("Cautions", 0),
  conflictsWith: z
    .array(z.enum(precautionKinds, { error: "Unknown precaution." }))
    .default([])
    .transform((list) => precautionKinds.filter((p) => list.includes(p))),
});
export type LibraryEntryInput = z.infer<typeof libraryEntrySchema>;

export const librarySearchSchema = z.object({
  q: z.string().trim().max(120).catch(""),
  category: z.enum(categories).optional().catch(undefined),
  region: z.enum(bodyRegions).optional().catch(undefined),
  retired: z.enum(["0", "1"]).catch("0"),
});

import "@/lib/zod-browser";
import { z } from "zod";
import { parseWeekList } from "./requests";
import { measureIds } from "./schemas";

/** The staff form that asks the patient to fill a measure on their link at chosen plan weeks. */
export const measureRequestSchema = z.object({
  planId: z.coerce.number({ error: "Choose a plan." }).int().positive({ error: "Choose a plan." }),
  measure: z.enum(measureIds, { error: "Choose a measure." }),
  weeks: z
    .string()
    .trim()
    .max(60, { error: "List at most a few weeks, like 0, 3, 6." })
    .transform((s, ctx) => {
      const weeks = parseWeekList(s);
      if (weeks === null) {
        ctx.addIssue({ code: "custom", message: "List plan weeks as whole numbers from 0 to 52, like 0, 3, 6 (0 is the first day)." });
        return z.NEVER;
      }
      return weeks;
    }),
});

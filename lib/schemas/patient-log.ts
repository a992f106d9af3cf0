import "@/lib/zod-browser";
import { z } from "zod";

/** A form id: a positive whole number written plainly. */
const itemIdField = z
  .string()
  .regex(/^[1-9][0-9]{0,15}$/)
  .transform(Number);

/** Pain is one of the whole numbers 0 to 10, as the radio buttons send it: "" or "7.5" or "1e1" is no score. */
const painScoreField = z
  .string({ error: "Please choose a number from 0 to 10." })
  .regex(/^(?:[0-9]|10)$/, { error: "Please choose a number from 0 to 10." })
  .transform(Number);

/** What a patient's link page posts: a tick, an undo, or today's pain score. */
export const patientLogSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("done"), itemId: itemIdField }),
  z.object({ kind: z.literal("undo"), itemId: itemIdField }),
  z.object({ kind: z.literal("pain"), score: painScoreField, comment: z.string().trim().max(300).default("") }),
]);

export type PatientLogInput = z.infer<typeof patientLogSchema>;

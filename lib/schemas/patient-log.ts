import { z } from "zod";

/** A patient's tick, undo or pain score, posted by the link page's plain HTML forms. */
export const patientLogSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("done"), itemId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
  z.object({ kind: z.literal("undo"), itemId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) }),
  z.object({ kind: z.literal("pain"), score: z.coerce.number().int().min(0).max(10), comment: z.string().trim().max(300).default("") }),
]);

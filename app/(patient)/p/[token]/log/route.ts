import { z } from "zod";
import { clientAddress } from "@/db/queries/session";
import { recordPatientLog, tooManyShareMisses } from "@/db/queries/share-links";
import { normalizeShareToken } from "@/lib/share-token";

const logSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("done"), itemId: z.coerce.number().int().positive() }),
  z.object({ kind: z.literal("undo"), itemId: z.coerce.number().int().positive() }),
  z.object({ kind: z.literal("pain"), score: z.coerce.number().int().min(0).max(10), comment: z.string().trim().max(300).default("") }),
]);

/**
 * A patient's tick, undo or pain score, sent by a plain HTML form (works with
 * JavaScript off). Always answers with a redirect back to the plan page, which
 * itself shows the "not active" page for a bad link: nothing here tells links apart.
 */
export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const raw = (await params).token;
  const token = normalizeShareToken(raw);
  const back = (query = "", hash = "") => new Response(null, { status: 303, headers: { Location: `/p/${encodeURIComponent(raw)}${query}${hash}`, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
  const address = await clientAddress();
  if (!token || tooManyShareMisses(address)) return back();
  const form = Object.fromEntries((await req.formData()).entries());
  const parsed = logSchema.safeParse(form);
  if (!parsed.success) return back();
  const ok = recordPatientLog({ token, input: parsed.data, address });
  if (!ok) return back();
  return back(`?saved=${parsed.data.kind}`, parsed.data.kind === "pain" ? "" : `#item-${parsed.data.itemId}`);
}

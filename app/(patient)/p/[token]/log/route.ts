import { clientAddress } from "@/db/queries/session";
import { recordPatientLog, tooManyShareMisses } from "@/db/queries/share-links";
import { patientLogSchema } from "@/lib/schemas/patient-log";
import { normalizeShareToken } from "@/lib/share-token";

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
  const parsed = patientLogSchema.safeParse(form);
  if (!parsed.success) return back();
  const ok = recordPatientLog({ token, input: parsed.data, address });
  if (!ok) return back();
  return back(`?saved=${parsed.data.kind}`, parsed.data.kind === "pain" ? "" : `#item-${parsed.data.itemId}`);
}

import { clientAddress } from "@/db/queries/session";
import { recordMalformedShareLink, recordPatientLog, slowDownShareMisses } from "@/db/queries/share-links";
import { patientLogSchema } from "@/lib/schemas/patient-log";
import { normalizeShareToken } from "@/lib/share-token";

/** The two ways a plain HTML form sends its fields. */
const formTypes = ["application/x-www-form-urlencoded", "multipart/form-data"];

/** The form's fields, or null for a body a form would not send (JSON, plain text, broken multipart). */
async function formFields(req: Request): Promise<Record<string, unknown> | null> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!formTypes.includes(type)) return null;
  try {
    const fields: Record<string, unknown> = {};
    for (const [name, value] of (await req.formData()).entries()) if (typeof value === "string") fields[name] = value;
    return fields;
  } catch {
    return null;
  }
}

/**
 * A patient's tick, undo or pain score, sent by a plain HTML form (works with
 * JavaScript off). Always answers with a redirect back to the plan page, which
 * itself shows the "not active" page for a bad link: nothing here tells links
 * apart. A body that is not a form, or a pain score that is not a whole
 * number from 0 to 10, comes back to the page with a message and saves nothing.
 */
export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const raw = (await params).token;
  const token = normalizeShareToken(raw);
  const back = (query = "", hash = "") => new Response(null, { status: 303, headers: { Location: `/p/${encodeURIComponent(raw)}${query}${hash}`, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
  const address = await clientAddress();
  if (!token) {
    recordMalformedShareLink(address);
    await slowDownShareMisses(address);
    return back();
  }
  const fields = await formFields(req);
  if (!fields) return back("?problem=form");
  const parsed = patientLogSchema.safeParse(fields);
  if (!parsed.success) return back(fields.kind === "pain" ? "?problem=score" : "?problem=form");
  const ok = recordPatientLog({ token, input: parsed.data, address });
  if (!ok) {
    await slowDownShareMisses(address);
    return back();
  }
  return back(`?saved=${parsed.data.kind}`, parsed.data.kind === "pain" ? "" : `#item-${parsed.data.itemId}`);
}

import { z } from "zod";
import { recordLinkMeasure } from "@/db/queries/measure-link";
import { clientAddress } from "@/db/queries/session";
import { measureIds, unflattenForm } from "@/lib/measures";
import { encodeBadFields } from "@/lib/measures/link-errors";
import { normalizeShareToken } from "@/lib/share-token";
import { tooManyShareMisses } from "@/db/queries/share-links";

const measureField = z.enum(measureIds);

/**
 * The patient's answers to a measure their plan asks for, from a plain HTML
 * form (works with JavaScript off). Always answers with a redirect to the
 * plan page: on success with ?filled=, on bad answers with the names of the
 * fields to fix (?fix=), and for a bad link to the page that says it is not active.
 */
export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const raw = (await params).token;
  const token = normalizeShareToken(raw);
  const back = (query = "", hash = "") =>
    new Response(null, { status: 303, headers: { Location: `/p/${encodeURIComponent(raw)}${query}${hash}`, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" } });
  const address = await clientAddress();
  if (!token || tooManyShareMisses(address)) return back();
  const form = Object.fromEntries([...(await req.formData()).entries()].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  const measure = measureField.safeParse(form.measure);
  if (!measure.success) return back();
  const { measure: _m, ...answers } = form;
  const outcome = recordLinkMeasure({ token, address, measure: measure.data, answers: unflattenForm(answers) });
  if (outcome.ok) return back(`?filled=${measure.data}`, `#measure-${measure.data}`);
  if (outcome.reason === "invalid") return back(`?measure=${measure.data}&fix=${encodeURIComponent(encodeBadFields(Object.keys(outcome.fieldErrors)))}`, `#measure-${measure.data}`);
  return back();
}

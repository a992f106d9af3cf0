import { z } from "zod";
import { recordLinkMeasure } from "@/db/queries/measure-link";
import { measureIds, unflattenForm } from "@/lib/measures";
import { encodeBadFields } from "@/lib/measures/link-errors";
import { slowDownShareMisses } from "@/db/queries/share-links";
import { readLinkPost } from "../../_lib/link-post";

const measureField = z.enum(measureIds);

/**
 * The patient's answers to a measure their plan asks for, from a plain HTML
 * form (works with JavaScript off). Always answers with a redirect to the
 * plan page: on success with ?filled=, on bad answers with the names of the
 * fields to fix (?fix=), and for a bad link to the page that says it is not active.
 */
export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const post = await readLinkPost(req, (await params).token);
  if (post instanceof Response) return post;
  const { token, address, fields: form, back } = post;
  const measure = measureField.safeParse(form.measure);
  if (!measure.success) return back();
  const { measure: _m, ...answers } = form;
  const outcome = recordLinkMeasure({ token, address, measure: measure.data, answers: unflattenForm(answers) });
  if (outcome.ok) return back(`?filled=${measure.data}`, `#measure-${measure.data}`);
  if (outcome.reason === "invalid")
    return back(`?measure=${measure.data}&fix=${encodeURIComponent(encodeBadFields(Object.keys(outcome.fieldErrors)))}`, `#measure-${measure.data}`);
  // A valid link is never slowed down; only a miss is.
  if (outcome.reason === "link") await slowDownShareMisses(address);
  return back();
}

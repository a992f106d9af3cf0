import { recordPatientLog, slowDownShareMisses } from "@/db/queries/share-links";
import { patientLogSchema } from "@/lib/schemas/patient-log";
import { readLinkPost } from "../../_lib/link-post";

/**
 * A patient's tick, undo or pain score, sent by a plain HTML form (works with
 * JavaScript off). Always answers with a redirect back to the plan page, which
 * itself shows the "not active" page for a bad link: nothing here tells links
 * apart. A body that is not a form, or a pain score that is not a whole
 * number from 0 to 10, or a tick for an item that is not on this week's list
 * (another phase, or not in the version the link shows), comes back to the
 * page with a message and saves nothing.
 */
export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const post = await readLinkPost(req, (await params).token);
  if (post instanceof Response) return post;
  const { token, address, fields, back } = post;
  const parsed = patientLogSchema.safeParse(fields);
  if (!parsed.success) return back(fields.kind === "pain" ? "?problem=score" : "?problem=form");
  const outcome = recordPatientLog({ token, input: parsed.data, address });
  // A valid link is never slowed down; only a miss is.
  if (!outcome.ok && outcome.reason === "item") return back("?problem=item");
  if (!outcome.ok) {
    await slowDownShareMisses(address);
    return back();
  }
  return back(`?saved=${parsed.data.kind}`, parsed.data.kind === "pain" ? "" : `#item-${parsed.data.itemId}`);
}

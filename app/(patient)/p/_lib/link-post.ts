import { clientAddress } from "@/db/queries/session";
import { recordMalformedShareLink, slowDownShareMisses } from "@/db/queries/share-links";
import { normalizeShareToken } from "@/lib/share-token";

/** What the patient link's plain HTML forms (ticks, pain, measures) share when they post. */

/** The two ways a plain HTML form sends its fields. */
const formTypes = ["application/x-www-form-urlencoded", "multipart/form-data"];

/** The form's text fields, or null for a body a form would not send (JSON, plain text, broken multipart). */
export async function formFields(req: Request): Promise<Record<string, string> | null> {
  const type = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (!formTypes.includes(type)) return null;
  try {
    const fields: Record<string, string> = {};
    for (const [name, value] of (await req.formData()).entries()) if (typeof value === "string") fields[name] = value;
    return fields;
  } catch {
    return null;
  }
}

/** A 303 back to the link's page: the page itself shows the "not active" answer for a bad link. */
export function backToLink(raw: string, query = "", hash = "") {
  return new Response(null, {
    status: 303,
    headers: { Location: `/p/${encodeURIComponent(raw)}${query}${hash}`, "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" },
  });
}

export type LinkPost = {
  token: string;
  address: string;
  fields: Record<string, string>;
  /** A 303 back to this link's page. */
  back: (query?: string, hash?: string) => Response;
};

/**
 * The start of every link form post: a token not even shaped like one is a
 * miss (counted and slowed down like any other) and goes back to the page
 * that says the link is not active; a body a form would not send goes back
 * with ?problem=form. Either way the answer is returned ready to send.
 */
export async function readLinkPost(req: Request, raw: string): Promise<LinkPost | Response> {
  const token = normalizeShareToken(raw);
  const back = (query = "", hash = "") => backToLink(raw, query, hash);
  const address = await clientAddress();
  if (!token) {
    recordMalformedShareLink(address);
    await slowDownShareMisses(address);
    return back();
  }
  const fields = await formFields(req);
  if (!fields) return back("?problem=form");
  return { token, address, fields, back };
}

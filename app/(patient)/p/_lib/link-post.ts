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

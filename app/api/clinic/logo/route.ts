import { getClinicLogo } from "@/db/queries/clinic";

export const dynamic = "force-dynamic";

/**
 * The clinic's logo for handouts and the admin page. Public: it is not
 * patient data. The stored type was detected from the bytes at upload, and
 * nosniff plus a locked-down CSP keep the browser from treating it as anything else.
 */
/** No scripts, no styles, nothing loads: an image shown as a page cannot do anything. */
const logoPolicy = "default-src 'none'; sandbox";

export async function GET() {
  try {
    const logo = getClinicLogo();
    if (!logo)
      return new Response("No logo has been uploaded.", {
        status: 404,
        headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-cache", "Content-Security-Policy": logoPolicy },
      });
    return new Response(new Uint8Array(logo.bytes), {
      headers: {
        "Content-Type": logo.type,
        "Content-Length": String(logo.bytes.length),
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": "inline",
        "Cache-Control": "no-cache",
        "Content-Security-Policy": logoPolicy,
      },
    });
  } catch (error) {
    console.error("GET /api/clinic/logo failed", error);
    return new Response("Something went wrong.", {
      status: 500,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Content-Security-Policy": logoPolicy },
    });
  }
}

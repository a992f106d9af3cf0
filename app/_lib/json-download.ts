import "server-only";
import { ForbiddenError } from "@/lib/authz";
import { NotFoundError, RuleError } from "@/lib/errors";

const noStore = { "Cache-Control": "no-store" };

/** A staff JSON download: the body as an attachment with a fixed name (no patient name in the download folder), errors as plain messages. */
export function jsonDownload(route: string, fileName: string, read: () => unknown): Response {
  try {
    return new Response(`${JSON.stringify(read(), null, 2)}\n`, {
      headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"`, ...noStore },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ message: error.message }, { status: 404, headers: noStore });
    if (error instanceof ForbiddenError) return Response.json({ message: error.message }, { status: 403, headers: noStore });
    if (error instanceof RuleError) return Response.json({ message: error.message }, { status: 409, headers: noStore });
    console.error(`GET ${route} failed`, error);
    return Response.json({ message: "Something went wrong." }, { status: 500, headers: noStore });
  }
}

export const signInFirst = () => Response.json({ message: "Sign in to continue." }, { status: 401, headers: noStore });
export const notFoundJson = (what: string) => Response.json({ message: `${what} not found.` }, { status: 404, headers: noStore });
export const isIdParam = (value: string) => /^[1-9][0-9]{0,15}$/.test(value);

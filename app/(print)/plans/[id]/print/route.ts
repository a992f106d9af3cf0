import { createElement } from "react";
import { z } from "zod";
import { publicBaseUrl } from "@/app/_lib/base-url";
import { isIdParam } from "@/app/_lib/json-download";
import { NotIssuable } from "@/components/print-handout";
import { PageNotFound } from "@/components/page-not-found";
import { getClinicProfile } from "@/db/queries/clinic";
import { versionForHandout, type VersionForPrint } from "@/db/queries/plan-versions";
import { requireActor } from "@/db/queries/session";
import { isLiveLinkForPatient } from "@/db/queries/share-links";
import { ForbiddenError } from "@/lib/authz";
import { NotFoundError, RuleError } from "@/lib/errors";
import { handoutSize } from "@/lib/handout-layout";
import { normalizeShareToken } from "@/lib/share-token";
import { printHtmlResponse, renderHandout, renderPrintPage } from "../../../_lib/print-html";

export const dynamic = "force-dynamic";

const versionNumberSchema = z.coerce.number().int().min(1).max(100_000);

/**
 * The printed handout of a plan. A route handler rather than a page, so the
 * answer is plain HTML with no Next client runtime (one small inline script
 * for the print button). Without ?version, printing gives the patient the
 * draft, issuing it first if it changed; ?version=N reprints that version
 * exactly; ?size=large; ?link=<token> adds the patient's QR box. Every print
 * writes its audit row (in versionForHandout) before the answer is rendered
 * or taken from the cache.
 */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  // Next's router asks for a page's RSC payload when a <Link> to it is prefetched or followed. This
  // route has none, and a prefetch must not print (audit row) or issue the draft: answer with nothing,
  // and the router loads the address as a document when the link is actually followed.
  if (req.headers.has("rsc")) return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
  const { id } = await params;
  const query = new URL(req.url).searchParams;
  const versionParam = query.get("version") ?? undefined;
  const number = versionParam === undefined ? undefined : versionNumberSchema.safeParse(versionParam);
  if (!isIdParam(id) || (number && !number.success)) return notFound();
  // Signed out: off to sign-in and back here, as every staff page does.
  const actor = await requireActor();
  const planId = Number(id);
  let version: VersionForPrint;
  try {
    version = versionForHandout({ actor, planId, number: number?.data, purpose: "print" });
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) return notFound();
    if (error instanceof RuleError)
      return printHtmlResponse(renderPrintPage("This plan cannot be printed yet", createElement(NotIssuable, { planId, message: error.message })));
    throw error;
  }
  const { name, phone, hasLogo, handoutFooter, address, email, website } = getClinicProfile({ actor });
  // A freshly made link (passed once from the share page) prints as a QR code and as text to type, while it is live.
  const linkParam = query.get("link") ?? undefined;
  const token = linkParam === undefined ? null : normalizeShareToken(linkParam);
  const link = token && isLiveLinkForPatient(token, version.patientId) ? { baseUrl: await publicBaseUrl(), token } : null;
  const html = await renderHandout({
    version,
    clinic: { name, phone, hasLogo, handoutFooter, address, email, website },
    size: handoutSize(query.get("size")),
    query: { version: versionParam, link: linkParam },
    link,
  });
  return printHtmlResponse(html);
}

/** Unknown and forbidden plans alike: the app's 404 page, no details. */
function notFound() {
  return printHtmlResponse(renderPrintPage("Page not found", createElement(PageNotFound)), 404);
}

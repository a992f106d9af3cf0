import { createElement } from "react";
import { LinkNotActive } from "@/components/link-not-active";
import { PatientLinkPage, type LinkQuery } from "@/components/patient-link-page";
import { getPublicClinicContact } from "@/db/queries/clinic";
import { openLinkPage } from "@/db/queries/link-page";
import { clientAddress } from "@/db/queries/session";
import { recordMalformedShareLink, slowDownShareMisses } from "@/db/queries/share-links";
import { normalizeShareToken } from "@/lib/share-token";
import { patientHtmlResponse } from "../_lib/patient-html";

/**
 * The patient's plan page. A route handler rather than a page, so the answer
 * is plain HTML with no Next client runtime (the page needs no JavaScript).
 * Each view is audited (in openLinkPage) before the answer is sent.
 * Unknown, expired, revoked links and a patient with no active plan all get
 * one and the same page and status.
 */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = normalizeShareToken((await params).token);
  const address = await clientAddress();
  const opened = token ? await openLinkPage({ token, address }) : null;
  const clinic = getPublicClinicContact();
  if (!token || !opened) {
    if (!token) recordMalformedShareLink(address);
    await slowDownShareMisses(address);
    return patientHtmlResponse(createElement(LinkNotActive, { clinic }));
  }
  const query = linkQuery(new URL(req.url).searchParams);
  // The page is a pure function of these: the issued version (planId, number) never changes, the rest is named in full.
  const { version, ...state } = opened.shared;
  const key = JSON.stringify([version.planId, version.number, token, state, opened.measures, clinic, query]);
  return patientHtmlResponse(createElement(PatientLinkPage, { token, ...opened, clinic, query }), key);
}

/** The query names the page reads (messages after a form was sent); anything else is ignored. */
function linkQuery(params: URLSearchParams): LinkQuery {
  const query: LinkQuery = {};
  for (const name of ["saved", "problem", "filled", "measure", "fix"]) query[name] = params.get(name) ?? undefined;
  return query;
}

import { createElement } from "react";
import { LinkNotActive } from "@/components/link-not-active";
import { PatientLinkPage, type LinkQuery } from "@/components/patient-link-page";
import { getPublicClinicContact } from "@/db/queries/clinic";
import { openLinkMeasures } from "@/db/queries/measure-link";
import { clientAddress } from "@/db/queries/session";
import { openSharedPlan, recordMalformedShareLink, slowDownShareMisses } from "@/db/queries/share-links";
import { normalizeShareToken } from "@/lib/share-token";
import { patientHtmlResponse } from "../_lib/patient-html";

/**
 * The patient's plan page. A route handler rather than a page, so the answer
 * is plain HTML with no Next client runtime (the page needs no JavaScript).
 * Each view is audited (in openSharedPlan) before the answer is sent.
 * Unknown, expired, revoked links and a patient with no active plan all get
 * one and the same page and status.
 */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = normalizeShareToken((await params).token);
  const address = await clientAddress();
  const shared = token ? openSharedPlan({ token, address }) : null;
  const clinic = getPublicClinicContact();
  if (!token || !shared) {
    if (!token) recordMalformedShareLink(address);
    await slowDownShareMisses(address);
    return patientHtmlResponse(createElement(LinkNotActive, { clinic }));
  }
  const query: LinkQuery = Object.fromEntries(new URL(req.url).searchParams);
  const measures = openLinkMeasures({ token, address });
  return patientHtmlResponse(createElement(PatientLinkPage, { token, shared, clinic, measures, query }));
}

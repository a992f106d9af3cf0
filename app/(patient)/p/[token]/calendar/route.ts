import { publicBaseUrl } from "@/app/_lib/base-url";
import { getPublicClinicContact } from "@/db/queries/clinic";
import { clientAddress } from "@/db/queries/session";
import { openSharedPlan, recordMalformedShareLink, slowDownShareMisses } from "@/db/queries/share-links";
import { buildPlanCalendar } from "@/lib/plan-calendar";
import { normalizeShareToken } from "@/lib/share-token";
import { privateHeaders } from "../../_lib/patient-html";

/** The patient's walks and visits as a calendar file; a bad link gets the same answer as the plan page. */
export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const token = normalizeShareToken((await params).token);
  const address = await clientAddress();
  const shared = token ? openSharedPlan({ token, address, purpose: "calendar" }) : null;
  if (!shared) {
    if (!token) recordMalformedShareLink(address);
    await slowDownShareMisses(address);
    return new Response("This link is no longer active. Please call your clinic.", {
      status: 404,
      headers: { ...privateHeaders, "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const ics = buildPlanCalendar({
    plan: { id: shared.version.planId, version: shared.version.number, document: shared.version.document },
    clinic: getPublicClinicContact(),
    uidDomain: new URL(await publicBaseUrl()).hostname,
  });
  return new Response(ics, {
    headers: { ...privateHeaders, "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'attachment; filename="my-rehab-plan.ics"' },
  });
}

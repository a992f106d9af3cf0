import { publicBaseUrl } from "@/app/_lib/base-url";
import { getClinicProfile } from "@/db/queries/clinic";
import { versionForHandout } from "@/db/queries/plan-versions";
import { getCurrentActor } from "@/db/queries/session";
import { ForbiddenError } from "@/lib/authz";
import { NotFoundError, RuleError } from "@/lib/errors";
import { buildPlanCalendar } from "@/lib/plan-calendar";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

/** The plan's walks and visits as an .ics file for staff to hand over. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getCurrentActor();
  if (!actor) return Response.json({ message: "Sign in to continue." }, { status: 401, headers: noStore });
  if (!/^[1-9][0-9]{0,15}$/.test(id)) return Response.json({ message: "Plan not found." }, { status: 404, headers: noStore });
  try {
    // The calendar file is handed to the patient, so like a handout it is the draft issued now (or the newest version if unchanged).
    const version = versionForHandout({ actor, planId: Number(id), purpose: "calendar" });
    const clinic = getClinicProfile({ actor });
    const body = buildPlanCalendar({
      plan: { id: version.planId, version: version.number, document: version.document },
      clinic: { name: clinic.name, phone: clinic.phone, timeZone: clinic.timeZone },
      // UIDs are built from this, so the same server always gives an event the same UID.
      uidDomain: new URL(await publicBaseUrl()).hostname,
    });
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        // A fixed name: the download folder and browser history must not hold the patient's name.
        "Content-Disposition": 'attachment; filename="rehab-plan.ics"',
        ...noStore,
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ message: "Plan not found." }, { status: 404, headers: noStore });
    if (error instanceof RuleError) return Response.json({ message: error.message }, { status: 409, headers: noStore });
    if (error instanceof ForbiddenError) return Response.json({ message: error.message }, { status: 403, headers: noStore });
    console.error("GET /api/plans/[id]/calendar failed", error);
    return Response.json({ message: "Something went wrong." }, { status: 500, headers: noStore });
  }
}

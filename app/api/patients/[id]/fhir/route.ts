import { readPatientRecordForExport } from "@/db/queries/patient-record";
import { getCurrentActor } from "@/db/queries/session";
import { ForbiddenError } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";
import { buildFhirBundle } from "@/lib/fhir/bundle";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

/** The patient's record as a FHIR R4 Bundle (JSON), for staff to hand to another system. */
export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getCurrentActor();
  if (!actor) return Response.json({ message: "Sign in to continue." }, { status: 401, headers: noStore });
  if (!/^[1-9][0-9]{0,15}$/.test(id)) return Response.json({ message: "Patient not found." }, { status: 404, headers: noStore });
  try {
    const record = readPatientRecordForExport({ actor, patientId: Number(id) });
    const bundle = buildFhirBundle({ ...record, now: new Date() });
    return new Response(JSON.stringify(bundle, null, 2), {
      headers: {
        "Content-Type": "application/fhir+json; charset=utf-8",
        // A fixed name: the download folder must not hold the patient's name.
        "Content-Disposition": 'attachment; filename="patient-record.fhir.json"',
        ...noStore,
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return Response.json({ message: "Patient not found." }, { status: 404, headers: noStore });
    if (error instanceof ForbiddenError) return Response.json({ message: error.message }, { status: 403, headers: noStore });
    console.error("GET /api/patients/[id]/fhir failed", error);
    return Response.json({ message: "Something went wrong." }, { status: 500, headers: noStore });
  }
}

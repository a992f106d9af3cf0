import { jsonDownload, isIdParam, notFoundJson, signInFirst } from "@/app/_lib/json-download";
import { exportPatientRecord } from "@/db/queries/plan-export";
import { getCurrentActor } from "@/db/queries/session";

export const dynamic = "force-dynamic";

/** The patient's whole record as JSON: details, plans (drafts and every issued version), ticks and pain entries. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getCurrentActor();
  if (!actor) return signInFirst();
  if (!isIdParam(id)) return notFoundJson("Patient");
  return jsonDownload("/api/patients/[id]/export", `patient-record-${id}.json`, () => exportPatientRecord({ actor, patientId: Number(id) }));
}

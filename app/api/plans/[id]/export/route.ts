import { jsonDownload, isIdParam, notFoundJson, signInFirst } from "@/app/_lib/json-download";
import { exportPlanDocument } from "@/db/queries/plan-export";
import { getCurrentActor } from "@/db/queries/session";

export const dynamic = "force-dynamic";

/** The plan document as JSON: `?version=N`, or the newest issued version. Validates against docs/plan-document.schema.json. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getCurrentActor();
  if (!actor) return signInFirst();
  const version = new URL(req.url).searchParams.get("version");
  if (!isIdParam(id) || (version !== null && !isIdParam(version))) return notFoundJson("Plan");
  const number = version === null ? undefined : Number(version);
  return jsonDownload(
    "/api/plans/[id]/export",
    `plan-${id}${number ? `-v${number}` : ""}.json`,
    () => exportPlanDocument({ actor, planId: Number(id), number }).document,
  );
}

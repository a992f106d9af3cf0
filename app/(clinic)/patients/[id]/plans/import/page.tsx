import Link from "next/link";
import { PlanImportForm } from "@/components/plan-import-form";
import { getPatient } from "@/db/queries/patients";
import { requireActor } from "@/db/queries/session";
import { idFromParam, loadOr404 } from "../../../../../_lib/ids";
import { importPlanAction } from "../../../../plans/actions";

export const metadata = { title: "Import a plan" };

export default async function ImportPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idFromParam((await params).id);
  const actor = await requireActor();
  const patient = loadOr404(() => getPatient({ actor, id }));
  return (
    <div className="narrow">
      <p className="muted">
        <Link href={`/patients/${id}`}>Back to {patient.name}</Link>
      </p>
      <h1>Import a plan for {patient.name}</h1>
      <PlanImportForm action={importPlanAction.bind(null, id)} />
    </div>
  );
}

import { NewPlanForm } from "@/components/plan-form";
import { getClinicProfile } from "@/db/queries/clinic";
import { getPatient } from "@/db/queries/patients";
import { requireActor } from "@/db/queries/session";
import { todayIn } from "@/lib/calendar-date";
import { idFromParam, loadOr404 } from "../../../../../_lib/ids";
import { createPlanAction } from "../../../../plans/actions";

export const metadata = { title: "New plan" };

export default async function NewPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idFromParam((await params).id);
  const actor = await requireActor();
  const patient = loadOr404(() => getPatient({ actor, id }));
  const clinic = getClinicProfile({ actor });
  return (
    <div className="narrow">
      <h1>New plan for {patient.name}</h1>
      <NewPlanForm action={createPlanAction.bind(null, id)} defaultStartDate={todayIn(clinic.timeZone)} />
    </div>
  );
}

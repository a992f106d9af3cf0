import { NewPlanForm } from "@/components/plan-form";
import { getClinicProfile } from "@/db/queries/clinic";
import { getPatient } from "@/db/queries/patients";
import { requireActor } from "@/db/queries/session";
import { listTemplates } from "@/db/queries/templates";
import { todayIn } from "@/lib/calendar-date";
import { nextWorkingDay, startDateChoices } from "@/lib/start-date";
import { idFromParam, loadOr404 } from "../../../../../_lib/ids";
import { createPlanAction } from "../../../../plans/actions";

export const metadata = { title: "New plan" };

export default async function NewPlanPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idFromParam((await params).id);
  const actor = await requireActor();
  const patient = loadOr404(() => getPatient({ actor, id }));
  const clinic = getClinicProfile({ actor });
  const templates = listTemplates({ actor }).map((t) => ({ id: t.id, title: t.title, weeks: t.weeks, guideline: t.guideline }));
  // "Today" is the clinic's day, not the server's.
  const today = todayIn(clinic.timeZone);
  return (
    <div className="narrow">
      <h1>New plan for {patient.name}</h1>
      <NewPlanForm
        action={createPlanAction.bind(null, id)}
        defaultStartDate={nextWorkingDay(today)}
        startDateChoices={startDateChoices(today)}
        templates={templates}
      />
    </div>
  );
}

import { PatientForm } from "@/components/patient-form";
import { getPatient } from "@/db/queries/patients";
import { requireActor } from "@/db/queries/session";
import { idFromParam, loadOr404 } from "../../../../_lib/ids";
import { updatePatientAction } from "../../actions";

export const metadata = { title: "Edit patient" };

export default async function EditPatientPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idFromParam((await params).id);
  const actor = await requireActor();
  const patient = loadOr404(() => getPatient({ actor, id }));
  return (
    <div className="narrow">
      <h1>Edit {patient.name}</h1>
      <PatientForm
        action={updatePatientAction.bind(null, id, patient.version)}
        initial={{ ...patient, dateOfBirth: patient.dateOfBirth ?? "", spineSurgeryDate: patient.spineSurgeryDate ?? "" }}
        submitLabel="Save changes"
      />
    </div>
  );
}

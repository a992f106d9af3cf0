import { PatientForm } from "@/components/patient-form";
import { createPatientAction } from "../actions";

export const metadata = { title: "Add patient" };

export default function NewPatientPage() {
  return (
    <div className="narrow">
      <h1>Add patient</h1>
      <PatientForm action={createPatientAction} submitLabel="Save patient" />
    </div>
  );
}

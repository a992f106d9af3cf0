import "./patient.css";

/** Patient pages: no staff shell, large type, server-rendered. */
export default function PatientLayout({ children }: { children: React.ReactNode }) {
  return <div className="patient-root">{children}</div>;
}

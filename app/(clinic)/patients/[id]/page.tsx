import Link from "next/link";
import { ArchiveButton } from "@/components/archive-button";
import { MeasuresSection } from "@/components/measures/measures-section";
import { getPatient } from "@/db/queries/patients";
import { listPlansForPatient } from "@/db/queries/plans";
import { requireActor } from "@/db/queries/session";
import { formatDateLong } from "@/lib/calendar-date";
import { planStatusLabels } from "@/lib/plan-status";
import { precautionLabels } from "@/lib/precautions";
import { idFromParam, loadOr404 } from "../../../_lib/ids";
import { setPatientArchivedAction } from "../actions";
import { setMeasureRequestAction } from "./measures/actions";

export default async function PatientPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idFromParam((await params).id);
  const actor = await requireActor();
  const patient = loadOr404(() => getPatient({ actor, id }));
  const plans = listPlansForPatient({ actor, patientId: id });
  const archived = patient.archivedAt !== null;

  return (
    <>
      <div className="page-head">
        <h1>
          {patient.name} {archived ? <span className="badge">Archived</span> : null}
        </h1>
        <div className="actions">
          {!archived ? (
            <Link className="button primary" href={`/patients/${id}/plans/new`}>
              New plan
            </Link>
          ) : null}
          {!archived ? (
            <Link className="button" href={`/patients/${id}/plans/import`}>
              Import a plan
            </Link>
          ) : null}
          <a className="button" href={`/api/patients/${id}/export`}>
            Export record (JSON)
          </a>
          <Link className="button" href={`/patients/${id}/edit`}>
            Edit details
          </Link>
          <ArchiveButton
            action={setPatientArchivedAction.bind(null, id, !archived)}
            label={archived ? "Restore patient" : "Archive patient"}
            confirm={archived ? null : `Archive ${patient.name}? Their record and plans are kept, and you can restore them later.`}
          />
        </div>
      </div>
      <section className="card" aria-labelledby="details-h">
        <h2 id="details-h" className="visually-hidden">
          Details
        </h2>
        <dl className="facts">
          <dt>Date of birth</dt>
          <dd>{patient.dateOfBirth ? formatDateLong(patient.dateOfBirth) : "Not given"}</dd>
          <dt>Phone</dt>
          <dd>{patient.phone || "Not given"}</dd>
          <dt>Email</dt>
          <dd>{patient.email || "Not given"}</dd>
          <dt>Condition</dt>
          <dd>{patient.condition || "Not given"}</dd>
          <dt>Precautions</dt>
          <dd>
            {patient.precautions.length === 0 && !patient.precautionNote ? (
              "None recorded"
            ) : (
              <ul className="precautions">
                {patient.precautions.map((p) => (
                  <li key={p}>
                    {precautionLabels[p]}
                    {p === "spine-surgery" && patient.spineSurgeryDate ? ` (${formatDateLong(patient.spineSurgeryDate)})` : ""}
                  </li>
                ))}
                {patient.precautionNote ? <li>{patient.precautionNote}</li> : null}
              </ul>
            )}
          </dd>
          <dt>Notes</dt>
          <dd>{patient.notes || "None"}</dd>
        </dl>
      </section>
      <h2>Plans</h2>
      {plans.length === 0 ? (
        <p className="muted">No plans yet.</p>
      ) : (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col">Status</th>
              <th scope="col">Starts</th>
              <th scope="col">Length</th>
              <th scope="col">Items</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link href={`/plans/${p.id}`}>{p.title}</Link>
                </td>
                <td>
                  <span className={`badge ${p.status}`}>{planStatusLabels[p.status]}</span>
                </td>
                <td>{formatDateLong(p.startDate)}</td>
                <td>{p.weeks} weeks</td>
                <td>{p.itemCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MeasuresSection actor={actor} patientId={id} archived={archived} plans={plans} requestAction={setMeasureRequestAction.bind(null, id)} />
    </>
  );
}

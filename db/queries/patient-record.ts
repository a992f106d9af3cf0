import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { patients, plans } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";
import type { FhirExportInput } from "@/lib/fhir/bundle";
import { audited } from "./audit";
import { readMeasures } from "./measures";
import { readLatestVersion } from "./plan-versions";

/**
 * Everything the FHIR export holds for one patient: details, the active
 * plan, every measure. Staff only, audited as one read of the whole record.
 */
export function readPatientRecordForExport({ actor, patientId }: { actor: Actor | null; patientId: number }): Omit<FhirExportInput, "now"> {
  return audited({ actor, permission: "patients:read", action: "patient.export.fhir", patientId }, (db, ctx) => {
    ctx.detail = "whole record (FHIR R4 bundle)";
    const patient = db
      .select({ id: patients.id, name: patients.name, dateOfBirth: patients.dateOfBirth, phone: patients.phone, email: patients.email })
      .from(patients)
      .where(eq(patients.id, patientId))
      .get();
    if (!patient) throw new NotFoundError("Patient");
    const active = db
      .select({ id: plans.id, status: plans.status })
      .from(plans)
      .where(and(eq(plans.patientId, patientId), eq(plans.status, "active")))
      .orderBy(desc(plans.startDate), desc(plans.id))
      .get();
    // The CarePlan is what the patient was given: the newest issued version, not the editor's draft.
    const version = active ? readLatestVersion(db, active.id) : null;
    if (active) ctx.planId = active.id;
    return {
      patient,
      plan:
        active && version
          ? {
              plan: { id: active.id, status: active.status },
              version: { number: version.number, issuedAt: version.issuedAt, document: version.document },
            }
          : null,
      measures: readMeasures(db, patientId),
    };
  });
}

import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { patients, plans } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";
import type { FhirExportInput } from "@/lib/fhir/bundle";
import { audited } from "./audit";
import { readMeasures } from "./measures";
import { loadPlan } from "./plans";

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
    const active = db.select({ id: plans.id }).from(plans).where(and(eq(plans.patientId, patientId), eq(plans.status, "active"))).orderBy(desc(plans.startDate), desc(plans.id)).get();
    const plan = active ? loadPlan(db, active.id) : null;
    if (plan) ctx.planId = plan.id;
    return {
      patient,
      // The seam the plan document will fill later: a header and its items, nothing else.
      plan: plan
        ? {
            header: { id: plan.id, title: plan.title, goal: plan.goal, status: plan.status, startDate: plan.startDate, weeks: plan.weeks },
            items: plan.items.map((it) => ({ id: it.id, kind: it.kind, dose: it.dose, name: it.entry.name })),
          }
        : null,
      measures: readMeasures(db, patientId),
    };
  });
}

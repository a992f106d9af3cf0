import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import fs from "node:fs";
import path from "node:path";
import type { Executor } from "@/db";
import { itemLogs, libraryEntries, painLogs, patients, planItems, plans, planVersions } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { NotFoundError, RuleError } from "@/lib/errors";
import { kindForCategory } from "@/lib/library";
import { readDocument, type ItemSnapshot, type PlanDocument, type PlanDocumentItem } from "@/lib/plan-document";
import { audited } from "./audit";
import { documentOf, latestVersion, loadPlan } from "./plans";

/**
 * Open data: a plan (any version) or a patient's whole record as JSON, and a
 * plan document file read back in as a new draft. Reading is audited like
 * any read of the patient's data; importing like any change.
 */

export const PATIENT_EXPORT_FORMAT = "stride.patient-record/1";

function planDocumentFor(db: Executor, planId: number, number?: number): { document: PlanDocument; version: number | null } {
  if (number !== undefined) {
    const row = db
      .select({ document: planVersions.document })
      .from(planVersions)
      .where(and(eq(planVersions.planId, planId), eq(planVersions.number, number)))
      .get();
    if (!row) throw new NotFoundError("Plan version");
    return { document: readDocument(row.document), version: number };
  }
  const latest = latestVersion(db, planId);
  if (latest) return { document: readDocument(latest.document), version: latest.number };
  // Never issued: the draft as it stands.
  const plan = loadPlan(db, planId);
  if (plan.problems.length > 0) throw new RuleError(`${plan.problems[0].name}: ${plan.problems[0].message}`);
  if (plan.items.length === 0) throw new RuleError("This plan has no items yet, so there is nothing to export.");
  return { document: documentOf(plan, plan.items), version: null };
}

/** One plan as a plan document: version `number`, or the newest issued one (the draft if it was never issued). */
export function exportPlanDocument({ actor, planId, number }: { actor: Actor | null; planId: number; number?: number }) {
  return audited({ actor, permission: "plans:read", action: "plan.export", planId }, (db, ctx) => {
    const plan = db.select({ patientId: plans.patientId }).from(plans).where(eq(plans.id, planId)).get();
    if (!plan) throw new NotFoundError("Plan");
    ctx.patientId = plan.patientId;
    const result = planDocumentFor(db, planId, number);
    ctx.detail = result.version === null ? "draft" : `v${result.version}`;
    return result;
  });
}

/** Everything held about one patient: details, plans with their drafts and versions, ticks and pain entries. */
export function exportPatientRecord({ actor, patientId }: { actor: Actor | null; patientId: number }) {
  return audited({ actor, permission: "patients:read", action: "patient.export", patientId }, (db) => {
    const patient = db
      .select({
        name: patients.name,
        dateOfBirth: patients.dateOfBirth,
        phone: patients.phone,
        email: patients.email,
        condition: patients.condition,
        notes: patients.notes,
        archivedAt: patients.archivedAt,
      })
      .from(patients)
      .where(eq(patients.id, patientId))
      .get();
    if (!patient) throw new NotFoundError("Patient");
    const planRows = db
      .select({ id: plans.id, status: plans.status, notes: plans.notes })
      .from(plans)
      .where(eq(plans.patientId, patientId))
      .orderBy(asc(plans.id))
      .all();
    return {
      format: PATIENT_EXPORT_FORMAT,
      exportedAt: new Date().toISOString(),
      patient: { ...patient, archivedAt: patient.archivedAt?.toISOString() ?? null },
      plans: planRows.map((plan) => {
        const draft = loadPlan(db, plan.id);
        return {
          planId: plan.id,
          status: plan.status,
          therapistNotes: plan.notes,
          draft: draft.problems.length === 0 && draft.items.length > 0 ? documentOf(draft, draft.items) : null,
          versions: db
            .select({
              number: planVersions.number,
              issuedAt: planVersions.issuedAt,
              issuedByName: planVersions.issuedByName,
              document: planVersions.document,
            })
            .from(planVersions)
            .where(eq(planVersions.planId, plan.id))
            .orderBy(asc(planVersions.number))
            .all()
            .map((v) => ({ number: v.number, issuedAt: v.issuedAt.toISOString(), issuedByName: v.issuedByName, document: readDocument(v.document) })),
          ticks: db
            .select({ itemId: itemLogs.planItemId, day: itemLogs.day, planVersion: itemLogs.planVersion })
            .from(itemLogs)
            .where(eq(itemLogs.planId, plan.id))
            .orderBy(asc(itemLogs.day), asc(itemLogs.id))
            .all(),
          pain: db
            .select({ day: painLogs.day, score: painLogs.score, comment: painLogs.comment, planVersion: painLogs.planVersion })
            .from(painLogs)
            .where(eq(painLogs.planId, plan.id))
            .orderBy(asc(painLogs.day))
            .all(),
        };
      }),
    };
  });
}

const sameLines = (a: string[], b: string[]) => a.length === b.length && a.every((line, i) => line === b[i]);

function sameText(
  entry: {
    name: string;
    category: string;
    summary: string;
    steps: string[];
    cautions: string[];
    illustration: string | null;
    illustrationAlt: string;
    oneSided: boolean;
  },
  snap: ItemSnapshot,
) {
  return (
    entry.name === snap.name &&
    entry.category === snap.category &&
    entry.summary === snap.summary &&
    sameLines(entry.steps, snap.steps) &&
    sameLines(entry.cautions, snap.cautions) &&
    entry.illustration === snap.illustration &&
    entry.illustrationAlt === snap.illustrationAlt &&
    entry.oneSided === snap.oneSided
  );
}

/** A picture the file names but this install does not ship is dropped (its description stays as alt text elsewhere). */
function shippedIllustration(name: string | null): string | null {
  if (!name) return null;
  return fs.existsSync(path.join(/*turbopackIgnore: true*/ process.cwd(), "public", "illustrations", name)) ? name : null;
}

/**
 * The library entry an imported item uses: a starter entry (by its key) or a
 * clinic entry whose text is exactly the snapshot's; otherwise a new clinic
 * entry holding the snapshot text, kept out of the picker (retired) so imports
 * do not crowd the library. The patient reads the same words either way.
 */
export function entryForSnapshot(db: Executor, item: PlanDocumentItem): { id: number; created: boolean } {
  const snap = item.entry;
  const columns = {
    id: libraryEntries.id,
    kind: libraryEntries.kind,
    name: libraryEntries.name,
    category: libraryEntries.category,
    summary: libraryEntries.summary,
    steps: libraryEntries.steps,
    cautions: libraryEntries.cautions,
    illustration: libraryEntries.illustration,
    illustrationAlt: libraryEntries.illustrationAlt,
    oneSided: libraryEntries.oneSided,
  };
  const candidates = snap.slug
    ? db.select(columns).from(libraryEntries).where(eq(libraryEntries.slug, snap.slug)).all()
    : db
        .select(columns)
        .from(libraryEntries)
        .where(and(isNull(libraryEntries.slug), eq(libraryEntries.name, snap.name)))
        .all();
  const match = candidates.find((e) => e.kind === item.kind && sameText(e, snap));
  if (match) return { id: match.id, created: false };
  const now = new Date();
  const created = db
    .insert(libraryEntries)
    .values({
      slug: null,
      source: "custom",
      name: snap.name,
      plainName: snap.plainName,
      category: snap.category,
      kind: kindForCategory[snap.category],
      bodyRegions: snap.bodyRegions.length > 0 ? snap.bodyRegions : ["whole-body"],
      summary: snap.summary,
      steps: snap.steps,
      cautions: snap.cautions,
      defaultDose: item.dose,
      illustration: shippedIllustration(snap.illustration),
      illustrationAlt: snap.illustrationAlt,
      oneSided: snap.oneSided,
      retiredAt: now,
    })
    .returning({ id: libraryEntries.id })
    .get();
  return { id: created.id, created: true };
}

/** A checked plan document becomes a new draft plan for the patient. */
export function importPlanDocument({ actor, patientId, document }: { actor: Actor | null; patientId: number; document: PlanDocument }) {
  return audited({ actor, permission: "plans:write", action: "plan.import", patientId }, (db, ctx) => {
    const patient = db.select({ archivedAt: patients.archivedAt }).from(patients).where(eq(patients.id, patientId)).get();
    if (!patient) throw new NotFoundError("Patient");
    if (patient.archivedAt) throw new RuleError("This patient is archived. Restore the patient before adding a plan.");
    const plan = db
      .insert(plans)
      .values({
        patientId,
        title: document.title,
        goal: document.goal,
        startDate: document.startDate,
        weeks: document.weeks,
        precautions: document.precautions,
        phases: document.phases ?? [],
        status: "draft",
      })
      .returning({ id: plans.id })
      .get();
    ctx.planId = plan.id;
    let createdEntries = 0;
    document.items.forEach((item, position) => {
      const entry = entryForSnapshot(db, item);
      if (entry.created) createdEntries += 1;
      db.insert(planItems)
        .values({ planId: plan.id, libraryEntryId: entry.id, kind: item.kind, position, dose: item.dose, phaseId: item.phaseId ?? null })
        .run();
    });
    ctx.detail = `${document.items.length} items, ${createdEntries} kept as imported text`;
    return { id: plan.id, createdEntries };
  });
}

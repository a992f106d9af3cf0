import "server-only";
import { and, asc, desc, eq, max, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { itemLogs, libraryEntries, patients, planItems, plans, planVersions } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { audited, type AuditContext } from "./audit";
import { usualDoseFor, usualDosesFor } from "./dose-defaults";
import { issueDraft } from "./plan-versions";
import {
  doseSchemaByKind,
  exerciseDaysSchema,
  sameDose,
  visitDoseSchema,
  visitPatternWeeks,
  walkingDoseSchema,
  type AnyDose,
  type ExerciseDose,
  type ItemKind,
  type VisitDose,
} from "@/lib/dose";
import { describeConflicts, gentlerWalkFor, itemConflicts, type PrecautionKind } from "@/lib/precautions";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import {
  canonicalDocument,
  PLAN_DOCUMENT_FORMAT,
  planDocumentItemSchema,
  planDocumentSchema,
  readDocument,
  type PlanDocument,
} from "@/lib/plan-document";
import type { PlanDto, PlanItemDto, PlanItemProblem } from "@/lib/plan-dto";
import type { PlanPhase } from "@/lib/plan-phases";
import { canMove, planStatusLabels, type PlanStatus } from "@/lib/plan-status";
import type { PlanInput } from "@/lib/schemas/plan";

/** The plan as anyone reads it; the editor's PlanDto adds what only the viewer sees. */
export type PlanView = Omit<PlanDto, "usualDoses">;

const planColumns = {
  id: plans.id,
  patientId: plans.patientId,
  patientName: patients.name,
  title: plans.title,
  goal: plans.goal,
  startDate: plans.startDate,
  weeks: plans.weeks,
  precautions: plans.precautions,
  patientPrecautions: patients.precautions,
  notes: plans.notes,
  status: plans.status,
  version: plans.version,
  phases: plans.phases,
};

export function listPlansForPatient({ actor, patientId }: { actor: Actor | null; patientId: number }) {
  return audited({ actor, permission: "plans:read", action: "plan.list", patientId }, (db) =>
    db
      .select({
        id: plans.id,
        title: plans.title,
        status: plans.status,
        startDate: plans.startDate,
        weeks: plans.weeks,
        // Spelled out: inside a subquery Drizzle drops the table name, and a bare "id" would mean plan_items.id.
        itemCount: sql<number>`(select count(*) from "plan_items" where "plan_items"."plan_id" = "plans"."id")`,
      })
      .from(plans)
      .where(eq(plans.patientId, patientId))
      .orderBy(desc(plans.startDate), desc(plans.id))
      .all(),
  );
}

/** `purpose` names the read in the audit log: the editor's view, a printed handout, a calendar file. */
export function getPlan({ actor, id, purpose = "view" }: { actor: Actor | null; id: number; purpose?: "view" | "print" | "calendar" }): PlanDto {
  return audited({ actor, permission: "plans:read", action: `plan.${purpose}`, planId: id }, (db, ctx) => {
    const plan = loadPlan(db, id);
    ctx.patientId = plan.patientId;
    return { ...plan, usualDoses: usualDosesFor(db, { userId: actor!.userId, items: plan.items }) };
  });
}

/** The plan with its items and their library text. No permission check: callers do that (or hold a share link). */
export function loadPlan(db: Executor, id: number): PlanView {
  const plan = db.select(planColumns).from(plans).innerJoin(patients, eq(patients.id, plans.patientId)).where(eq(plans.id, id)).get();
  if (!plan) throw new NotFoundError("Plan");
  const items: PlanItemDto[] = [];
  const problems: PlanItemProblem[] = [];
  for (const row of loadDraftRows(db, id)) {
    const parsed = planDocumentItemSchema.safeParse(rawItem(row));
    if (parsed.success)
      items.push({
        ...parsed.data,
        id: row.id,
        position: row.position,
        conflictsWith: row.conflictsWith,
        confirmedConflicts: row.confirmedConflicts,
      });
    else problems.push({ id: row.id, name: row.name, message: parsed.error.issues.map((i) => i.message).join(" ") });
  }
  const latest = latestVersion(db, id);
  // Compared as the schema would store it, so text the schema normalises (trimmed titles) is no "change".
  const checked = problems.length === 0 ? planDocumentSchema.safeParse(documentOf(plan, items)) : null;
  const draft = checked?.success ? checked.data : null;
  const issued = latest
    ? {
        number: latest.number,
        issuedAt: latest.issuedAt.toISOString(),
        issuedByName: latest.issuedByName,
        unissuedChanges: !draft || canonicalDocument(draft) !== canonicalDocument(readDocument(latest.document)),
      }
    : null;
  return { ...plan, items, problems, issued };
}

/** The draft's item rows joined to their library text, in order. */
export function loadDraftRows(db: Executor, planId: number) {
  return db
    .select({
      id: planItems.id,
      kind: planItems.kind,
      position: planItems.position,
      dose: planItems.dose,
      phaseId: planItems.phaseId,
      confirmedConflicts: planItems.confirmedConflicts,
      entryId: libraryEntries.id,
      slug: libraryEntries.slug,
      name: libraryEntries.name,
      plainName: libraryEntries.plainName,
      conflictsWith: libraryEntries.conflictsWith,
      category: libraryEntries.category,
      bodyRegions: libraryEntries.bodyRegions,
      summary: libraryEntries.summary,
      steps: libraryEntries.steps,
      cautions: libraryEntries.cautions,
      illustration: libraryEntries.illustration,
      illustrationAlt: libraryEntries.illustrationAlt,
      oneSided: libraryEntries.oneSided,
    })
    .from(planItems)
    .innerJoin(libraryEntries, eq(libraryEntries.id, planItems.libraryEntryId))
    .where(eq(planItems.planId, planId))
    .orderBy(asc(planItems.position), asc(planItems.id))
    .all();
}
export type DraftRow = ReturnType<typeof loadDraftRows>[number];

/** A draft row in the document's item shape, not yet checked: the snapshot is taken here. */
export function rawItem(row: DraftRow) {
  return {
    kind: row.kind,
    itemId: row.id,
    // Absent rather than null, so a plan without phases gives the same document as before phases existed.
    ...(row.phaseId === null ? {} : { phaseId: row.phaseId }),
    dose: row.dose,
    entry: {
      libraryEntryId: row.entryId,
      slug: row.slug,
      name: row.name,
      plainName: row.plainName,
      category: row.category,
      bodyRegions: row.bodyRegions,
      summary: row.summary,
      steps: row.steps,
      cautions: row.cautions,
      illustration: row.illustration,
      illustrationAlt: row.illustrationAlt,
      oneSided: row.oneSided,
    },
  };
}

/** The draft as a plan document (items already checked). */
export function documentOf(
  plan: Pick<PlanView, "title" | "goal" | "startDate" | "weeks" | "precautions"> & { phases: PlanPhase[] },
  items: PlanItemDto[],
): PlanDocument {
  return {
    format: PLAN_DOCUMENT_FORMAT,
    title: plan.title,
    goal: plan.goal,
    startDate: plan.startDate,
    weeks: plan.weeks,
    precautions: plan.precautions,
    ...phasesField(plan.phases),
    items: items.map(({ id: _id, position: _position, conflictsWith: _c, confirmedConflicts: _k, ...item }) => item),
  };
}

/** The document's `phases` field: left out when the plan has none, so such a plan's document is as it always was. */
export function phasesField(phases: PlanPhase[]): { phases?: PlanPhase[] } {
  return phases.length > 0 ? { phases } : {};
}

/** What a reader of an issued version needs from its row (the document still as JSON text). */
export const versionColumns = {
  number: planVersions.number,
  document: planVersions.document,
  issuedAt: planVersions.issuedAt,
  issuedByName: planVersions.issuedByName,
};

/** The newest issued version's row, or undefined before the first issue. */
export function latestVersion(db: Executor, planId: number) {
  return db.select(versionColumns).from(planVersions).where(eq(planVersions.planId, planId)).orderBy(desc(planVersions.number)).get();
}

export function createPlan({ actor, patientId, input }: { actor: Actor | null; patientId: number; input: PlanInput }) {
  return audited({ actor, permission: "plans:write", action: "plan.create", patientId }, (db, ctx) => {
    const patient = db.select({ archivedAt: patients.archivedAt }).from(patients).where(eq(patients.id, patientId)).get();
    if (!patient) throw new NotFoundError("Patient");
    if (patient.archivedAt) throw new RuleError("This patient is archived. Restore the patient before adding a plan.");
    const plan = db
      .insert(plans)
      .values({ ...input, patientId })
      .returning({ id: plans.id })
      .get();
    ctx.planId = plan.id;
    return plan;
  });
}

/** Reads a plan's status for a write, refusing plans that are closed for editing. */
export function editablePlan(db: Executor, id: number, ctx?: AuditContext) {
  const plan = db
    .select({ status: plans.status, weeks: plans.weeks, version: plans.version, patientId: plans.patientId, phases: plans.phases })
    .from(plans)
    .where(eq(plans.id, id))
    .get();
  if (!plan) throw new NotFoundError("Plan");
  if (ctx) ctx.patientId = plan.patientId;
  if (plan.status === "completed" || plan.status === "archived")
    throw new RuleError(`This plan is ${planStatusLabels[plan.status].toLowerCase()}. Make it active or restore it to edit it.`);
  return plan;
}

function longestVisitPattern(db: Executor, planId: number): number {
  const visits = db
    .select({ dose: planItems.dose })
    .from(planItems)
    .where(and(eq(planItems.planId, planId), eq(planItems.kind, "visit")))
    .all();
  return Math.max(
    0,
    ...visits.map((v) => {
      const dose = visitDoseSchema.safeParse(v.dose);
      return dose.success ? visitPatternWeeks(dose.data) : 0;
    }),
  );
}

export function updatePlan({ actor, id, version, input }: { actor: Actor | null; id: number; version: number; input: PlanInput }) {
  return audited({ actor, permission: "plans:write", action: "plan.update", planId: id }, (tx, ctx) => {
    const current = editablePlan(tx, id, ctx);
    const longest = longestVisitPattern(tx, id);
    if (input.weeks < longest)
      throw new RuleError(`A visit schedule in this plan runs ${longest} weeks. Shorten it before making the plan shorter.`, "weeks");
    const lastPhase = current.phases.at(-1);
    if (lastPhase && input.weeks < lastPhase.toWeek)
      throw new RuleError(`The phase ${lastPhase.title} runs to week ${lastPhase.toWeek}. Change its weeks before making the plan shorter.`, "weeks");
    const result = tx
      .update(plans)
      .set({ ...input, version: sql`${plans.version} + 1`, updatedAt: new Date() })
      .where(and(eq(plans.id, id), eq(plans.version, version)))
      .returning({ version: plans.version })
      .get();
    if (!result) throw new ConflictError("Someone else changed this plan while you were editing. Reload to see the latest version.");
    return result;
  });
}

export function setPlanStatus({ actor, id, status }: { actor: Actor | null; id: number; status: PlanStatus }) {
  return audited({ actor, permission: "plans:write", action: `plan.status.${status}`, planId: id }, (db, ctx) => {
    const plan = db.select({ status: plans.status, patientId: plans.patientId }).from(plans).where(eq(plans.id, id)).get();
    if (!plan) throw new NotFoundError("Plan");
    ctx.patientId = plan.patientId;
    if (!canMove(plan.status, status))
      throw new RuleError(`A ${planStatusLabels[plan.status].toLowerCase()} plan cannot become ${planStatusLabels[status].toLowerCase()}.`);
    // Making a plan active gives it to the patient: the draft is issued as a version first (refused if it cannot be).
    if (status === "active") {
      const issued = issueDraft(db, id, actor!);
      ctx.detail = issued.created ? `issued v${issued.number}` : `v${issued.number}`;
    }
    db.update(plans)
      .set({ status, version: sql`${plans.version} + 1`, updatedAt: new Date() })
      .where(eq(plans.id, id))
      .run();
  });
}

/** Copies a plan and its items as a new draft, for the same or another patient. */
export function duplicatePlan({ actor, id, patientId }: { actor: Actor | null; id: number; patientId: number }) {
  return audited({ actor, permission: "plans:write", action: "plan.duplicate", patientId }, (tx, ctx) => {
    const source = tx.select().from(plans).where(eq(plans.id, id)).get();
    if (!source) throw new NotFoundError("Plan");
    const patient = tx.select({ archivedAt: patients.archivedAt }).from(patients).where(eq(patients.id, patientId)).get();
    if (!patient) throw new NotFoundError("Patient");
    if (patient.archivedAt) throw new RuleError("That patient is archived. Restore the patient first.", "patientId");
    const copy = tx
      .insert(plans)
      .values({
        patientId,
        title: source.title,
        goal: patientId === source.patientId ? source.goal : "",
        startDate: source.startDate,
        weeks: source.weeks,
        precautions: patientId === source.patientId ? source.precautions : "",
        notes: "",
        status: "draft",
        phases: source.phases,
      })
      .returning({ id: plans.id })
      .get();
    ctx.planId = copy.id;
    ctx.detail = `copied from plan ${id} of patient ${source.patientId}`;
    const items = tx.select().from(planItems).where(eq(planItems.planId, id)).orderBy(asc(planItems.position)).all();
    if (items.length > 0)
      tx.insert(planItems)
        .values(
          items.map((it, i) => ({
            planId: copy.id,
            libraryEntryId: it.libraryEntryId,
            kind: it.kind,
            position: i,
            dose: it.dose,
            phaseId: it.phaseId,
            // A confirmation was about one patient: another patient's plan warns afresh.
            ...(patientId === source.patientId
              ? { confirmedConflicts: it.confirmedConflicts, confirmedBy: it.confirmedBy, confirmedAt: it.confirmedAt }
              : {}),
          })),
        )
        .run();
    return copy;
  });
}

function checkDose(kind: ItemKind, dose: unknown, planWeeks: number): AnyDose {
  if (kind !== "visit") return doseSchemaByKind[kind].parse(dose);
  const visits = visitDoseSchema.parse(dose);
  const weeks = visitPatternWeeks(visits);
  if (weeks > planWeeks)
    throw new RuleError(
      `These visits run ${weeks} weeks, but the plan is ${planWeeks} weeks long. Shorten the visits or lengthen the plan.`,
      "spans",
    );
  return visits;
}

export function addPlanItem({
  actor,
  planId,
  libraryEntryId,
  dose,
}: {
  actor: Actor | null;
  planId: number;
  libraryEntryId: number;
  dose?: unknown;
}) {
  return audited({ actor, permission: "plans:write", action: "plan.item.add", planId }, (tx, ctx) => {
    const plan = editablePlan(tx, planId, ctx);
    const entry = tx
      .select({
        kind: libraryEntries.kind,
        defaultDose: libraryEntries.defaultDose,
        retiredAt: libraryEntries.retiredAt,
        conflictsWith: libraryEntries.conflictsWith,
      })
      .from(libraryEntries)
      .where(eq(libraryEntries.id, libraryEntryId))
      .get();
    if (!entry) throw new NotFoundError("Library entry");
    if (entry.retiredAt) throw new RuleError("That library entry is retired.");
    const precautions = patientPrecautions(tx, plan.patientId);
    // The therapist's own usual dose for this entry, if they saved one, comes before the library's.
    const usual = dose === undefined && actor ? usualDoseFor(tx, { userId: actor.userId, libraryEntryId, kind: entry.kind }) : null;
    const defaultDose = usual ?? entry.defaultDose;
    let startingDose = dose ?? defaultDose;
    // A default visit pattern longer than a short plan is trimmed to fit rather than refused.
    const defaultVisits = dose === undefined && entry.kind === "visit" ? visitDoseSchema.safeParse(defaultDose) : null;
    if (defaultVisits?.success) startingDose = fitVisitsToPlan(defaultVisits.data, plan.weeks);
    const defaultWalk = dose === undefined && entry.kind === "walking" ? walkingDoseSchema.safeParse(defaultDose) : null;
    if (defaultWalk?.success) startingDose = gentlerWalkFor(defaultWalk.data, precautions);
    const conflicts = itemConflicts(entry.conflictsWith, precautions);
    const notes = [
      usual ? "your usual dose" : "",
      conflicts.length > 0 ? `conflicts with ${conflicts.map((c) => c.label.toLowerCase()).join(", ")}; warning shown` : "",
    ];
    ctx.detail = notes.filter(Boolean).join("; ");
    const checked = checkDose(entry.kind, startingDose, plan.weeks);
    const last = tx
      .select({ value: max(planItems.position) })
      .from(planItems)
      .where(eq(planItems.planId, planId))
      .get();
    const item = tx
      .insert(planItems)
      .values({ planId, libraryEntryId, kind: entry.kind, dose: checked, position: (last?.value ?? -1) + 1 })
      .returning({ id: planItems.id })
      .get();
    touchPlan(tx, planId);
    return item;
  });
}

function patientPrecautions(db: Executor, patientId: number): PrecautionKind[] {
  return db.select({ precautions: patients.precautions }).from(patients).where(eq(patients.id, patientId)).get()?.precautions ?? [];
}

/**
 * The therapist keeps an item despite its precaution conflicts (clinical
 * judgement). The conflicts as they stand now are recorded on the item, so a
 * precaution added to the patient later warns again.
 */
export function confirmPlanItemConflicts({ actor, planId, itemId }: { actor: Actor | null; planId: number; itemId: number }) {
  return audited({ actor, permission: "plans:write", action: "plan.item.keep-despite-precaution", planId }, (tx, ctx) => {
    const plan = editablePlan(tx, planId, ctx);
    const item = tx
      .select({ conflictsWith: libraryEntries.conflictsWith, name: libraryEntries.name })
      .from(planItems)
      .innerJoin(libraryEntries, eq(libraryEntries.id, planItems.libraryEntryId))
      .where(and(eq(planItems.id, itemId), eq(planItems.planId, planId)))
      .get();
    if (!item) throw new NotFoundError("Plan item");
    const conflicts = itemConflicts(item.conflictsWith, patientPrecautions(tx, plan.patientId));
    if (conflicts.length === 0) throw new RuleError("This item no longer conflicts with the patient's precautions, so there is nothing to confirm.");
    const confirmed = conflicts.map((c) => c.precaution);
    tx.update(planItems)
      .set({ confirmedConflicts: confirmed, confirmedBy: actor?.name ?? null, confirmedAt: new Date(), updatedAt: new Date() })
      .where(eq(planItems.id, itemId))
      .run();
    ctx.detail = `kept ${item.name} despite: ${describeConflicts(conflicts)}`;
    touchPlan(tx, planId);
    return { confirmedConflicts: confirmed };
  });
}

function fitVisitsToPlan(dose: VisitDose, planWeeks: number): VisitDose {
  const spans: VisitDose["spans"] = [];
  let left = planWeeks;
  for (const span of dose.spans) {
    if (left <= 0) break;
    spans.push({ ...span, weeks: Math.min(span.weeks, left) });
    left -= span.weeks;
  }
  return { ...dose, spans };
}

/**
 * Sets an item's dose. `base` is the dose the edit started from: when someone
 * else saved a different one since, the change is refused (no lost update) and
 * the editor reloads to show their values.
 */
export function updatePlanItemDose({
  actor,
  planId,
  itemId,
  dose,
  base,
}: {
  actor: Actor | null;
  planId: number;
  itemId: number;
  dose: unknown;
  base?: unknown;
}) {
  return audited({ actor, permission: "plans:write", action: "plan.item.dose", planId }, (tx, ctx) => {
    const plan = editablePlan(tx, planId, ctx);
    const item = tx
      .select({ kind: planItems.kind, dose: planItems.dose })
      .from(planItems)
      .where(and(eq(planItems.id, itemId), eq(planItems.planId, planId)))
      .get();
    if (!item) throw new NotFoundError("Plan item");
    if (base !== undefined && !sameDose(base, item.dose))
      throw new ConflictError(
        "Someone else changed this dose while you were editing it, so your change was not saved. It now shows their values: check them, then make your change again.",
      );
    const checked = checkDose(item.kind, dose, plan.weeks);
    tx.update(planItems).set({ dose: checked, updatedAt: new Date() }).where(eq(planItems.id, itemId)).run();
    touchPlan(tx, planId);
    return checked;
  });
}

/**
 * "Apply to all exercises": one days-per-week for every exercise item of the
 * plan, in one audited write. Walks, visits and tips keep their own schedule.
 */
export function applyDaysPerWeekToExercises({ actor, planId, daysPerWeek }: { actor: Actor | null; planId: number; daysPerWeek: unknown }) {
  return audited({ actor, permission: "plans:write", action: "plan.item.days-all", planId }, (tx, ctx) => {
    const plan = editablePlan(tx, planId, ctx);
    const days = exerciseDaysSchema.parse({ daysPerWeek }).daysPerWeek;
    const exercises = tx
      .select({ id: planItems.id, dose: planItems.dose })
      .from(planItems)
      .where(and(eq(planItems.planId, planId), eq(planItems.kind, "exercise")))
      .all();
    if (exercises.length === 0) throw new RuleError("This plan has no exercises to change yet.", "daysPerWeek");
    for (const item of exercises) {
      const checked = checkDose("exercise", { ...(item.dose as ExerciseDose), daysPerWeek: days }, plan.weeks);
      tx.update(planItems).set({ dose: checked, updatedAt: new Date() }).where(eq(planItems.id, item.id)).run();
    }
    ctx.detail = `${exercises.length} exercises set to ${days} days a week`;
    touchPlan(tx, planId);
    return { changed: exercises.length, daysPerWeek: days };
  });
}

export function removePlanItem({ actor, planId, itemId }: { actor: Actor | null; planId: number; itemId: number }) {
  audited({ actor, permission: "plans:write", action: "plan.item.remove", planId }, (tx, ctx) => {
    editablePlan(tx, planId, ctx);
    // The patient's ticks are part of the record: an item they have logged is not deleted with its history.
    if (tx.select({ id: itemLogs.id }).from(itemLogs).where(eq(itemLogs.planItemId, itemId)).get())
      throw new RuleError(
        "The patient has already ticked this item, so it stays for the record. To change the program, mark this plan completed and duplicate it.",
      );
    const result = tx
      .delete(planItems)
      .where(and(eq(planItems.id, itemId), eq(planItems.planId, planId)))
      .run();
    if (result.changes === 0) throw new NotFoundError("Plan item");
    touchPlan(tx, planId);
  });
}

/** Sets the order of a plan's items; the list must name each item exactly once. */
export function reorderPlanItems({ actor, planId, itemIds }: { actor: Actor | null; planId: number; itemIds: number[] }) {
  audited({ actor, permission: "plans:write", action: "plan.item.reorder", planId }, (tx, ctx) => {
    editablePlan(tx, planId, ctx);
    const current = tx.select({ id: planItems.id }).from(planItems).where(eq(planItems.planId, planId)).all();
    const known = new Set(current.map((r) => r.id));
    if (itemIds.length !== known.size || new Set(itemIds).size !== itemIds.length || !itemIds.every((id) => known.has(id)))
      throw new ConflictError("The plan's items changed while you were reordering. Reload to see the latest list.");
    itemIds.forEach((id, position) => {
      tx.update(planItems).set({ position }).where(eq(planItems.id, id)).run();
    });
    touchPlan(tx, planId);
  });
}

export function touchPlan(db: Executor, planId: number) {
  db.update(plans).set({ updatedAt: new Date() }).where(eq(plans.id, planId)).run();
}

import "server-only";
import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { libraryEntries, patients, planItems, plans, planTemplates } from "@/db/schema";
import { can, ForbiddenError, type Actor } from "@/lib/authz";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import type { PlanDocument, PlanDocumentItem } from "@/lib/plan-document";
import { documentFromTemplate, readTemplate, templateFromDocument, type PlanTemplate, type TemplateDetails } from "@/lib/plan-template";
import { audited } from "./audit";
import { entryForSnapshot } from "./plan-export";
import { documentOf, loadPlan } from "./plans";

/**
 * Plan templates: a plan document without a patient or dates. A therapist
 * keeps their own ("mine"); admins also keep clinic-wide ones (no owner).
 * Templates are retired, never deleted, so a plan made from one can always
 * show which template it came from.
 */

export type TemplateScope = "mine" | "clinic";

const summaryColumns = {
  id: planTemplates.id,
  slug: planTemplates.slug,
  ownerId: planTemplates.ownerId,
  title: planTemplates.title,
  description: planTemplates.description,
  guideline: planTemplates.guideline,
  lastReviewed: planTemplates.lastReviewed,
  retiredAt: planTemplates.retiredAt,
  version: planTemplates.version,
  createdByName: planTemplates.createdByName,
};

/** Templates this person may see: clinic-wide ones and their own. */
function visibleTo(actor: Actor) {
  return or(isNull(planTemplates.ownerId), eq(planTemplates.ownerId, actor.userId));
}

/** Who may change a template: its owner, or an admin for clinic-wide ones. */
function assertMayChange(actor: Actor, row: { ownerId: string | null }) {
  if (row.ownerId === null ? !can(actor, "library:write") : row.ownerId !== actor.userId) throw new ForbiddenError();
}

function loadTemplateRow(db: Executor, actor: Actor, id: number) {
  const row = db
    .select({ ...summaryColumns, document: planTemplates.document })
    .from(planTemplates)
    .where(and(eq(planTemplates.id, id), visibleTo(actor)))
    .get();
  if (!row) throw new NotFoundError("Template");
  return row;
}

/** The templates list: active ones first (clinic-wide, then mine), retired ones only when asked for. */
export function listTemplates({ actor, includeRetired = false }: { actor: Actor | null; includeRetired?: boolean }) {
  return audited({ actor, permission: "plans:read", action: "template.list" }, (db) => {
    const rows = db
      .select({
        ...summaryColumns,
        itemCount: sql<number>`json_array_length(${planTemplates.document}, '$.items')`,
        weeks: sql<number>`json_extract(${planTemplates.document}, '$.weeks')`,
      })
      .from(planTemplates)
      .where(and(visibleTo(actor!), includeRetired ? undefined : isNull(planTemplates.retiredAt)))
      .orderBy(sql`${planTemplates.retiredAt} is not null`, sql`${planTemplates.ownerId} is not null`, asc(planTemplates.title))
      .all();
    return rows.map((r) => ({
      ...r,
      scope: (r.ownerId === null ? "clinic" : "mine") as TemplateScope,
      mayChange: r.ownerId === null ? can(actor, "library:write") : true,
    }));
  });
}

/** One template with its document; a retired one stays readable. */
export function getTemplate({ actor, id }: { actor: Actor | null; id: number }) {
  return audited({ actor, permission: "plans:read", action: "template.view" }, (db, ctx) => {
    const row = loadTemplateRow(db, actor!, id);
    ctx.detail = `template ${id}`;
    const { document, ...rest } = row;
    return {
      ...rest,
      template: readTemplate(document),
      scope: (row.ownerId === null ? "clinic" : "mine") as TemplateScope,
      mayChange: row.ownerId === null ? can(actor, "library:write") : row.ownerId === actor!.userId,
    };
  });
}

/** Saves a plan's draft as a template, mine or (admins only) clinic-wide. */
export function saveTemplateFromPlan({
  actor,
  planId,
  scope,
  details,
}: {
  actor: Actor | null;
  planId: number;
  scope: TemplateScope;
  details: TemplateDetails;
}) {
  return audited({ actor, permission: "plans:write", action: "template.save", planId }, (db, ctx) => {
    if (scope === "clinic" && !can(actor, "library:write")) throw new ForbiddenError();
    const plan = loadPlan(db, planId);
    ctx.patientId = plan.patientId;
    if (plan.problems.length > 0) throw new RuleError(`${plan.problems[0].name}: ${plan.problems[0].message}`);
    if (plan.items.length === 0) throw new RuleError("This plan has no items yet, so there is nothing to save as a template.");
    // Goal and precautions belong to this patient: a template starts without them.
    const template = templateFromDocument({ ...documentOf(plan, plan.items), goal: "", precautions: "" }, details);
    const row = insertTemplate(db, { ownerId: scope === "clinic" ? null : actor!.userId, template, createdByName: actor!.name });
    ctx.detail = `template ${row.id} (${scope === "clinic" ? "clinic-wide" : "mine"}), ${template.items.length} items`;
    return row;
  });
}

/** A new template row: the listed columns copied from the template document, and the document itself. */
function insertTemplate(
  db: Executor,
  { ownerId, template, createdByName }: { ownerId: string | null; template: PlanTemplate; createdByName: string },
) {
  return db
    .insert(planTemplates)
    .values({
      ownerId,
      title: template.title,
      description: template.description,
      guideline: template.guideline,
      lastReviewed: template.lastReviewed,
      document: JSON.stringify(template),
      createdByName,
    })
    .returning({ id: planTemplates.id })
    .get();
}

/** Edits a template's title, description and guideline; `version` guards against overwriting another edit. */
export function updateTemplateDetails({
  actor,
  id,
  version,
  details,
}: {
  actor: Actor | null;
  id: number;
  version: number;
  details: TemplateDetails;
}) {
  return audited({ actor, permission: "plans:write", action: "template.update" }, (db, ctx) => {
    const row = loadTemplateRow(db, actor!, id);
    assertMayChange(actor!, row);
    const template = { ...readTemplate(row.document), ...details };
    const updated = db
      .update(planTemplates)
      .set({ ...details, document: JSON.stringify(template), version: sql`${planTemplates.version} + 1`, updatedAt: new Date() })
      .where(and(eq(planTemplates.id, id), eq(planTemplates.version, version)))
      .returning({ version: planTemplates.version })
      .get();
    if (!updated) throw new ConflictError("Someone else changed this template while you were editing. Reload to see the latest version.");
    ctx.detail = `template ${id}`;
    return updated;
  });
}

/** Copies a template (any the person can see, retired or not) as one of their own. */
export function duplicateTemplate({ actor, id }: { actor: Actor | null; id: number }) {
  return audited({ actor, permission: "plans:write", action: "template.duplicate" }, (db, ctx) => {
    const row = loadTemplateRow(db, actor!, id);
    const template = { ...readTemplate(row.document), title: `${row.title} (copy)`.slice(0, 120) };
    const copy = insertTemplate(db, { ownerId: actor!.userId, template, createdByName: actor!.name });
    ctx.detail = `template ${copy.id} copied from template ${id}`;
    return copy;
  });
}

/** Retires (or brings back) a template: a retired one is not offered for new plans but stays readable. */
export function setTemplateRetired({ actor, id, retired }: { actor: Actor | null; id: number; retired: boolean }) {
  return audited({ actor, permission: "plans:write", action: retired ? "template.retire" : "template.restore" }, (db, ctx) => {
    const row = loadTemplateRow(db, actor!, id);
    assertMayChange(actor!, row);
    db.update(planTemplates)
      .set({ retiredAt: retired ? new Date() : null, version: sql`${planTemplates.version} + 1`, updatedAt: new Date() })
      .where(eq(planTemplates.id, id))
      .run();
    ctx.detail = `template ${id}`;
  });
}

/**
 * The library entry a template item uses in a new plan: the entry it was
 * saved from while it is still offered, otherwise the same match an import
 * makes (a starter by its key, or the snapshot's text kept as a retired entry).
 */
function entryForTemplateItem(db: Executor, item: PlanDocumentItem): number {
  if (item.entry.libraryEntryId !== null) {
    const live = db
      .select({ id: libraryEntries.id, kind: libraryEntries.kind })
      .from(libraryEntries)
      .where(and(eq(libraryEntries.id, item.entry.libraryEntryId), isNull(libraryEntries.retiredAt)))
      .get();
    if (live && live.kind === item.kind) return live.id;
  }
  return entryForSnapshot(db, item).id;
}

/** Starts a draft plan for a patient from a template; the therapist tailors it in the editor. */
export function createPlanFromTemplate({
  actor,
  patientId,
  templateId,
  startDate,
  title,
  goal = "",
  precautions,
  notes = "",
  weeks,
}: {
  actor: Actor | null;
  patientId: number;
  templateId: number;
  startDate: string;
  title?: string;
  goal?: string;
  precautions?: string;
  notes?: string;
  weeks?: number;
}) {
  return audited({ actor, permission: "plans:write", action: "plan.from-template", patientId }, (db, ctx) => {
    const patient = db.select({ archivedAt: patients.archivedAt }).from(patients).where(eq(patients.id, patientId)).get();
    if (!patient) throw new NotFoundError("Patient");
    if (patient.archivedAt) throw new RuleError("This patient is archived. Restore the patient before adding a plan.");
    const row = loadTemplateRow(db, actor!, templateId);
    if (row.retiredAt) throw new RuleError("That template is retired. Choose another, or bring it back on the templates page.", "templateId");
    const template = readTemplate(row.document);
    let document: PlanDocument;
    try {
      document = documentFromTemplate({ ...template, weeks: weeks ?? template.weeks }, { startDate, title });
    } catch {
      throw new RuleError(`This template's visits or phases run longer than ${weeks} weeks. Make the plan longer.`, "weeks");
    }
    const plan = db
      .insert(plans)
      .values({
        patientId,
        templateId,
        title: document.title,
        goal: goal || document.goal,
        startDate: document.startDate,
        weeks: document.weeks,
        precautions: precautions?.trim() ? precautions : document.precautions,
        notes,
        phases: document.phases ?? [],
        status: "draft",
      })
      .returning({ id: plans.id })
      .get();
    ctx.planId = plan.id;
    document.items.forEach((item, position) => {
      db.insert(planItems)
        .values({
          planId: plan.id,
          libraryEntryId: entryForTemplateItem(db, item),
          kind: item.kind,
          position,
          dose: item.dose,
          phaseId: item.phaseId ?? null,
        })
        .run();
    });
    ctx.detail = `from template ${templateId}, ${document.items.length} items`;
    return { id: plan.id };
  });
}

/** The template a plan was started from (title and whether it is retired), for the plan page; readable even when retired. */
export function getTemplateOfPlan({ actor, planId }: { actor: Actor | null; planId: number }) {
  return audited({ actor, permission: "plans:read", action: "template.view", planId }, (db, ctx) => {
    const origin = templateOfPlan(db, planId);
    ctx.detail = origin ? `template ${origin.id} of plan ${planId}` : "plan has no template";
    return origin;
  });
}

function templateOfPlan(db: Executor, planId: number) {
  return (
    db
      .select({ id: planTemplates.id, title: planTemplates.title, retiredAt: planTemplates.retiredAt })
      .from(plans)
      .innerJoin(planTemplates, eq(planTemplates.id, plans.templateId))
      .where(eq(plans.id, planId))
      .get() ?? null
  );
}

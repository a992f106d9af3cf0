import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { clinicSettings, measureResults, measureTexts, patients, planMeasureRequests, plans } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { todayIn } from "@/lib/calendar-date";
import { NotFoundError, RuleError } from "@/lib/errors";
import { parseAndScore, type AnyMeasureAnswers, type MeasureContext, type MeasureId, type MeasureRecordInput } from "@/lib/measures";
import { parseLicensedText } from "@/lib/measures/licensed-text";
import { audited } from "./audit";

export type MeasureResultView = {
  id: number;
  measure: MeasureId;
  context: MeasureContext;
  takenOn: string;
  answers: AnyMeasureAnswers;
  score: number;
  source: "staff" | "link";
};

const resultColumns = {
  id: measureResults.id,
  measure: measureResults.measure,
  context: measureResults.context,
  takenOn: measureResults.takenOn,
  answers: measureResults.answers,
  score: measureResults.score,
  source: measureResults.source,
};

export function clinicToday(db: Executor): string {
  const row = db.select({ timeZone: clinicSettings.timeZone }).from(clinicSettings).where(eq(clinicSettings.id, 1)).get();
  return todayIn(row?.timeZone ?? "UTC");
}

/**
 * Staff record a measure from the clinic's paper form. The answers are
 * parsed and scored inside the transaction, so a refusal (out of range,
 * too many missing, a future date) writes nothing but its audit row.
 */
export function recordMeasure({
  actor,
  patientId,
  input,
  answers,
}: {
  actor: Actor | null;
  patientId: number;
  input: MeasureRecordInput;
  answers: unknown;
}) {
  return audited({ actor, permission: "patients:write", action: "measure.record", patientId }, (db, ctx) => {
    const patient = db.select({ archivedAt: patients.archivedAt }).from(patients).where(eq(patients.id, patientId)).get();
    if (!patient) throw new NotFoundError("Patient");
    if (patient.archivedAt) throw new RuleError("This patient is archived. Restore them before recording a measure.");
    if (input.takenOn > clinicToday(db)) throw new RuleError("The date cannot be in the future.", "takenOn");
    const scored = parseAndScore(input.measure, answers);
    const row = db
      .insert(measureResults)
      .values({
        patientId,
        ...input,
        answers: scored.answers,
        score: scored.score,
        source: "staff",
        recordedBy: actor!.userId,
        createdAt: new Date(),
      })
      .returning({ id: measureResults.id })
      .get();
    ctx.detail = `${input.measure} ${input.context} ${input.takenOn}`;
    return { id: row.id, score: scored.score };
  });
}

/** Every measure taken for a patient, oldest first (charts read left to right). */
export function listMeasuresForPatient({ actor, patientId }: { actor: Actor | null; patientId: number }): MeasureResultView[] {
  return audited({ actor, permission: "patients:read", action: "measure.list", patientId }, (db) => readMeasures(db, patientId));
}

export function readMeasures(db: Executor, patientId: number): MeasureResultView[] {
  return db
    .select(resultColumns)
    .from(measureResults)
    .where(eq(measureResults.patientId, patientId))
    .orderBy(asc(measureResults.measure), asc(measureResults.takenOn), asc(measureResults.id))
    .all();
}

/* The plan's requests to the patient ("NPRS and PSFS at weeks 0, 3, 6"). */

/** Every request on the patient's plans, with the plan it belongs to. */
export function listMeasureRequestsForPatient({ actor, patientId }: { actor: Actor | null; patientId: number }) {
  return audited({ actor, permission: "plans:read", action: "measure.requests.view", patientId }, (db) =>
    db
      .select({ planId: planMeasureRequests.planId, measure: planMeasureRequests.measure, weeks: planMeasureRequests.weeks })
      .from(planMeasureRequests)
      .innerJoin(plans, eq(plans.id, planMeasureRequests.planId))
      .where(eq(plans.patientId, patientId))
      .orderBy(asc(planMeasureRequests.id))
      .all(),
  );
}

export function readRequests(db: Executor, planId: number) {
  return db
    .select({ measure: planMeasureRequests.measure, weeks: planMeasureRequests.weeks })
    .from(planMeasureRequests)
    .where(eq(planMeasureRequests.planId, planId))
    .orderBy(asc(planMeasureRequests.id))
    .all();
}

/** Sets (or with no weeks, clears) which weeks a plan asks the patient to fill one measure on their link. */
export function setMeasureRequest({
  actor,
  patientId,
  planId,
  measure,
  weeks,
}: {
  actor: Actor | null;
  patientId: number;
  planId: number;
  measure: MeasureId;
  weeks: number[];
}) {
  audited({ actor, permission: "plans:write", action: "measure.requests.set", planId, patientId }, (db, ctx) => {
    const plan = db.select({ patientId: plans.patientId, weeks: plans.weeks }).from(plans).where(eq(plans.id, planId)).get();
    if (!plan || plan.patientId !== patientId) throw new NotFoundError("Plan");
    ctx.patientId = plan.patientId;
    ctx.detail = `${measure}: weeks ${weeks.join(", ") || "none"}`;
    const late = weeks.find((w) => w > plan.weeks);
    if (late !== undefined) throw new RuleError(`Week ${late} is after the end of this ${plan.weeks}-week plan.`, "weeks");
    if (weeks.length === 0) {
      db.delete(planMeasureRequests)
        .where(and(eq(planMeasureRequests.planId, planId), eq(planMeasureRequests.measure, measure)))
        .run();
      return;
    }
    db.insert(planMeasureRequests)
      .values({ planId, measure, weeks })
      .onConflictDoUpdate({ target: [planMeasureRequests.planId, planMeasureRequests.measure], set: { weeks } })
      .run();
  });
}

/* The clinic's licensed wording for ODI and NDI. */

export const licensedMeasures = ["odi", "ndi"] as const satisfies readonly MeasureId[];
export type LicensedMeasure = (typeof licensedMeasures)[number];

export function getMeasureTexts({ actor }: { actor: Actor | null }): Record<LicensedMeasure, string> {
  return audited({ actor, permission: "clinic:read", action: "measure.texts.view" }, (db) => readMeasureTexts(db));
}

export function readMeasureTexts(db: Executor): Record<LicensedMeasure, string> {
  const rows = db.select({ measure: measureTexts.measure, body: measureTexts.body }).from(measureTexts).all();
  const out: Record<LicensedMeasure, string> = { odi: "", ndi: "" };
  for (const r of rows) if (r.measure === "odi" || r.measure === "ndi") out[r.measure] = r.body;
  return out;
}

/** An empty text removes the wording (patients then cannot fill that measure on the link). */
export function setMeasureText({ actor, measure, body }: { actor: Actor | null; measure: LicensedMeasure; body: string }) {
  audited({ actor, permission: "clinic:write", action: "measure.texts.update" }, (db, ctx) => {
    ctx.detail = measure;
    if (body.trim() === "") {
      db.delete(measureTexts).where(eq(measureTexts.measure, measure)).run();
      return;
    }
    const parsed = parseLicensedText(body);
    if (!parsed.ok) throw new RuleError(parsed.message, "body");
    db.insert(measureTexts)
      .values({ measure, body, updatedBy: actor!.userId, updatedAt: new Date() })
      .onConflictDoUpdate({ target: measureTexts.measure, set: { body, updatedBy: actor!.userId, updatedAt: new Date() } })
      .run();
  });
}

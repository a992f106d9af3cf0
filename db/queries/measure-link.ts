import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { ZodError } from "zod";
import { getDb, type Executor } from "@/db";
import { measureResults, plans } from "@/db/schema";
import { fieldErrorsOf, type FieldErrors } from "@/lib/action-result";
import { parseAndScore, type MeasureId } from "@/lib/measures";
import { parseLicensedText, type LicensedSection } from "@/lib/measures/licensed-text";
import { dueMeasures, type DueMeasure } from "@/lib/measures/requests";
import { auditByLink } from "./audit";
import { clinicToday, readMeasureTexts, readRequests } from "./measures";
import { activePlanId, liveLink, recordShareMiss } from "./share-links";

export type LinkMeasures = { due: DueMeasure[]; licensed: Partial<Record<"odi" | "ndi", LicensedSection[]>> };

function openLink(db: Executor, token: string, address: string) {
  const link = liveLink(db, token);
  const planId = link ? activePlanId(db, link.patientId) : null;
  if (!link || planId === null) {
    recordShareMiss(db, address);
    return null;
  }
  const plan = db.select({ startDate: plans.startDate }).from(plans).where(eq(plans.id, planId)).get()!;
  return { link, planId, startDate: plan.startDate };
}

function dueFor(db: Executor, planId: number, startDate: string): DueMeasure[] {
  const filled = db
    .select({ measure: measureResults.measure, week: measureResults.planWeek })
    .from(measureResults)
    .where(and(eq(measureResults.planId, planId), eq(measureResults.source, "link"), isNotNull(measureResults.planWeek)))
    .all() as { measure: MeasureId; week: number }[];
  const texts = readMeasureTexts(db);
  // ODI and NDI can only be asked on the link once the clinic has pasted its licensed wording.
  const requests = readRequests(db, planId).filter((r) => (r.measure === "odi" || r.measure === "ndi" ? texts[r.measure] !== "" : true));
  return dueMeasures({ requests, startDate, today: clinicToday(db), filled });
}

/** The measures the patient's plan asks them to fill today, read through their link (audited as the link). */
export function openLinkMeasures({ token, address }: { token: string; address: string }): LinkMeasures | null {
  return getDb().transaction((tx) => readLinkMeasures(tx, { token, address }), { behavior: "immediate" });
}

/** openLinkMeasures inside the caller's IMMEDIATE transaction. */
export function readLinkMeasures(tx: Executor, { token, address }: { token: string; address: string }): LinkMeasures | null {
  const open = openLink(tx, token, address);
  if (!open) return null;
  const due = dueFor(tx, open.planId, open.startDate);
  const texts = readMeasureTexts(tx);
  const licensed: LinkMeasures["licensed"] = {};
  for (const m of ["odi", "ndi"] as const) {
    const parsed = texts[m] ? parseLicensedText(texts[m]) : null;
    if (parsed?.ok && due.some((d) => d.measure === m)) licensed[m] = parsed.sections;
  }
  auditByLink(tx, open.link.id, "share.measures.view", { patientId: open.link.patientId, planId: open.planId });
  return { due, licensed };
}

export type LinkMeasureOutcome =
  { ok: true } | { ok: false; reason: "link" | "not-due" } | { ok: false; reason: "invalid"; fieldErrors: FieldErrors };

/** The patient's answers to a requested measure. Bad answers save nothing and say which fields to fix. */
export function recordLinkMeasure({
  token,
  address,
  measure,
  answers,
}: {
  token: string;
  address: string;
  measure: MeasureId;
  answers: unknown;
}): LinkMeasureOutcome {
  return getDb().transaction(
    (tx): LinkMeasureOutcome => {
      const open = openLink(tx, token, address);
      if (!open) return { ok: false, reason: "link" };
      const ctx = { patientId: open.link.patientId, planId: open.planId };
      const due = dueFor(tx, open.planId, open.startDate).find((d) => d.measure === measure);
      if (!due) {
        auditByLink(tx, open.link.id, "share.measure.not-due", { ...ctx, detail: measure }, "refused");
        return { ok: false, reason: "not-due" };
      }
      let scored;
      try {
        scored = parseAndScore(measure, answers);
      } catch (error) {
        if (!(error instanceof ZodError)) throw error;
        auditByLink(tx, open.link.id, "share.measure.refused", { ...ctx, detail: `${measure}: invalid input` }, "refused");
        return { ok: false, reason: "invalid", fieldErrors: fieldErrorsOf(error) };
      }
      tx.insert(measureResults)
        .values({
          patientId: open.link.patientId,
          measure,
          context: due.week === 0 ? "intake" : "re-assessment",
          takenOn: clinicToday(tx),
          answers: scored.answers,
          score: scored.score,
          source: "link",
          recordedBy: `link:${open.link.id}`,
          planId: open.planId,
          planWeek: due.week,
          createdAt: new Date(),
        })
        .run();
      auditByLink(tx, open.link.id, "share.measure.record", { ...ctx, detail: `${measure} week ${due.week}` });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

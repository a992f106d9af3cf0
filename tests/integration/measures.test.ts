import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { openLinkMeasures, recordLinkMeasure } from "@/db/queries/measure-link";
import { getMeasureTexts, listMeasuresForPatient, recordMeasure, setMeasureRequest, setMeasureText } from "@/db/queries/measures";
import { createPatient } from "@/db/queries/patients";
import { addPlanItem, createPlan, setPlanStatus } from "@/db/queries/plans";
import { createShareLink } from "@/db/queries/share-links";
import { auditEvents, measureResults } from "@/db/schema";
import { fieldErrorsOf } from "@/lib/action-result";
import { ForbiddenError } from "@/lib/authz";
import { addDays, todayIn } from "@/lib/calendar-date";
import { RuleError } from "@/lib/errors";
import { measureRecordSchema } from "@/lib/measures";
import { patientSchema } from "@/lib/schemas/patient";
import { planSchema } from "@/lib/schemas/plan";
import { ZodError } from "zod";
import { admin, entryId, inactive, staff, uniqueName } from "./helpers";

// The test database's clinic row may not exist yet: the queries fall back to UTC.
const today = () => todayIn("UTC");
const newPatient = () => createPatient({ actor: staff, input: patientSchema.parse({ name: uniqueName("Measured") }) }).id;
const rows = (patientId: number) => getDb().select().from(measureResults).where(eq(measureResults.patientId, patientId)).all();
const odi = (v: (number | null | string)[]) => ({ sections: v });

describe("recording a measure", () => {
  it("stores answers and the full-precision score, and lists them with one audit row each", () => {
    const patientId = newPatient();
    const input = measureRecordSchema.parse({ measure: "odi", context: "intake", takenOn: addDays(today(), -21) });
    const { score } = recordMeasure({ actor: staff, patientId, input, answers: odi(["3", "2", "2", "2", "2", "2", "3", "3", "2", ""]) });
    expect(score).toBe(2100 / 45);
    recordMeasure({
      actor: staff,
      patientId,
      input: { ...input, context: "re-assessment", takenOn: today() },
      answers: odi([1, 1, 1, 1, 1, 1, 1, 1, 1, 1]),
    });
    const list = listMeasuresForPatient({ actor: staff, patientId });
    expect(list.map((r) => [r.context, r.score])).toEqual([
      ["intake", 2100 / 45],
      ["re-assessment", 20],
    ]);
    expect(list[0].answers).toEqual({ sections: [3, 2, 2, 2, 2, 2, 3, 3, 2, null] });
    const audit = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, patientId), eq(auditEvents.action, "measure.record")))
      .all();
    expect(audit.map((a) => a.outcome)).toEqual(["ok", "ok"]);
  });

  it("refuses out-of-range answers, too many missing and a future date, saving nothing", () => {
    const patientId = newPatient();
    const input = measureRecordSchema.parse({ measure: "odi", context: "intake", takenOn: today() });
    let error: unknown;
    try {
      recordMeasure({ actor: staff, patientId, input, answers: odi([6, 0, 0, 0, 0, 0, 0, 0, 0, 0]) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ZodError);
    expect(Object.keys(fieldErrorsOf(error as ZodError))).toEqual(["sections.0"]);
    expect(() => recordMeasure({ actor: staff, patientId, input, answers: odi([1, 1, 1, 1, 1, 1, 1, "", "", ""]) })).toThrow(ZodError);
    expect(() => recordMeasure({ actor: staff, patientId, input: { ...input, measure: "nprs" }, answers: { pain: 11 } })).toThrow(ZodError);
    const six = Array.from({ length: 6 }, (_, i) => ({ activity: `Task ${i}`, rating: 4 }));
    expect(() => recordMeasure({ actor: staff, patientId, input: { ...input, measure: "psfs" }, answers: { activities: six } })).toThrow(ZodError);
    const future = () =>
      recordMeasure({ actor: staff, patientId, input: { ...input, takenOn: addDays(today(), 2) }, answers: odi(Array(10).fill(1)) });
    expect(future).toThrow(RuleError);
    try {
      future();
    } catch (e) {
      expect((e as RuleError).field).toBe("takenOn");
    }
    expect(rows(patientId)).toHaveLength(0);
    const refused = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, patientId), eq(auditEvents.outcome, "refused")))
      .all();
    expect(refused.length).toBe(6);
  });

  it("is for signed-in, active staff only", () => {
    const patientId = newPatient();
    const input = measureRecordSchema.parse({ measure: "nprs", context: "intake", takenOn: today() });
    expect(() => recordMeasure({ actor: inactive, patientId, input, answers: { pain: 4 } })).toThrow(ForbiddenError);
    expect(() => recordMeasure({ actor: null, patientId, input, answers: { pain: 4 } })).toThrow(ForbiddenError);
    expect(() => listMeasuresForPatient({ actor: null, patientId })).toThrow(ForbiddenError);
    expect(rows(patientId)).toHaveLength(0);
  });
});

describe("licensed wording for ODI and NDI", () => {
  const block = (n: number) => [`Section ${n}`, "a", "b", "c", "d", "e", "f"].join("\n");
  it("is set by an admin only, and must have 10 sections of a heading and 6 statements", () => {
    const text = Array.from({ length: 10 }, (_, i) => block(i + 1)).join("\n\n");
    expect(() => setMeasureText({ actor: staff, measure: "odi", body: text })).toThrow(ForbiddenError);
    expect(() => setMeasureText({ actor: admin, measure: "odi", body: block(1) })).toThrow(/10 sections/);
    setMeasureText({ actor: admin, measure: "odi", body: text });
    expect(getMeasureTexts({ actor: staff }).odi).toBe(text);
    setMeasureText({ actor: admin, measure: "odi", body: "" });
    expect(getMeasureTexts({ actor: staff }).odi).toBe("");
  });
});

describe("the patient fills requested measures on their link", () => {
  function linkedPlan(startOffsetDays: number) {
    const patientId = newPatient();
    const planId = createPlan({
      actor: staff,
      patientId,
      input: planSchema.parse({ title: "Measured plan", startDate: addDays(today(), startOffsetDays), weeks: "6" }),
    }).id;
    // An empty plan cannot be given to the patient: one walk first.
    addPlanItem({ actor: staff, planId, libraryEntryId: entryId("steady-walk") });
    setPlanStatus({ actor: staff, id: planId, status: "active" });
    const { token } = createShareLink({ actor: staff, patientId, days: 30 });
    return { patientId, planId, token };
  }

  it("shows NPRS and PSFS at the requested week, takes valid answers once, and audits each use as the link", () => {
    const { patientId, planId, token } = linkedPlan(-21);
    setMeasureRequest({ actor: staff, patientId, planId, measure: "nprs", weeks: [0, 3, 6] });
    setMeasureRequest({ actor: staff, patientId, planId, measure: "psfs", weeks: [0, 3, 6] });
    expect(openLinkMeasures({ token, address: "198.51.100.7" })!.due).toEqual([
      { measure: "nprs", week: 3 },
      { measure: "psfs", week: 3 },
    ]);
    const bad = recordLinkMeasure({
      token,
      address: "198.51.100.7",
      measure: "psfs",
      answers: { activities: [{ activity: "Carry shopping", rating: "12" }] },
    });
    expect(bad).toMatchObject({ ok: false, reason: "invalid" });
    expect(bad.ok === false && bad.reason === "invalid" && Object.keys(bad.fieldErrors)).toEqual(["activities.0.rating"]);
    expect(rows(patientId)).toHaveLength(0);

    expect(
      recordLinkMeasure({
        token,
        address: "198.51.100.7",
        measure: "psfs",
        answers: {
          activities: [
            { activity: "Carry shopping", rating: "4" },
            { activity: "Sit at work", rating: "7" },
          ],
        },
      }),
    ).toEqual({ ok: true });
    expect(recordLinkMeasure({ token, address: "198.51.100.7", measure: "nprs", answers: { pain: "5" } })).toEqual({ ok: true });
    expect(recordLinkMeasure({ token, address: "198.51.100.7", measure: "nprs", answers: { pain: "4" } })).toEqual({ ok: false, reason: "not-due" });
    expect(recordLinkMeasure({ token, address: "198.51.100.7", measure: "rmdq", answers: { ticked: [] } })).toEqual({ ok: false, reason: "not-due" });
    expect(openLinkMeasures({ token, address: "198.51.100.7" })!.due).toEqual([]);

    const saved = rows(patientId).sort((a, b) => a.id - b.id);
    expect(saved.map((r) => [r.measure, r.score, r.source, r.planWeek, r.context, r.takenOn])).toEqual([
      ["psfs", 5.5, "link", 3, "re-assessment", today()],
      ["nprs", 5, "link", 3, "re-assessment", today()],
    ]);
    const actions = getDb()
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.patientId, patientId))
      .all()
      .filter((a) => a.actorId?.startsWith("link:"))
      .map((a) => a.action);
    expect(actions).toEqual([
      "share.measures.view",
      "share.measure.refused",
      "share.measure.record",
      "share.measure.record",
      "share.measure.not-due",
      "share.measure.not-due",
      "share.measures.view",
    ]);
  });

  it("answers a dead link with nothing and counts the miss", () => {
    expect(openLinkMeasures({ token: "x".repeat(43), address: "198.51.100.8" })).toBeNull();
    expect(recordLinkMeasure({ token: "x".repeat(43), address: "198.51.100.8", measure: "nprs", answers: { pain: 3 } })).toEqual({
      ok: false,
      reason: "link",
    });
  });

  it("does not offer ODI on the link until the clinic has pasted its licensed wording", () => {
    const { patientId, planId, token } = linkedPlan(0);
    setMeasureRequest({ actor: staff, patientId, planId, measure: "odi", weeks: [0] });
    expect(openLinkMeasures({ token, address: "198.51.100.9" })!.due).toEqual([]);
    const text = Array.from({ length: 10 }, (_, i) => [`S${i}`, "0", "1", "2", "3", "4", "5"].join("\n")).join("\n\n");
    setMeasureText({ actor: admin, measure: "odi", body: text });
    const open = openLinkMeasures({ token, address: "198.51.100.9" })!;
    expect(open.due).toEqual([{ measure: "odi", week: 0 }]);
    expect(open.licensed.odi).toHaveLength(10);
    setMeasureText({ actor: admin, measure: "odi", body: "" });
  });

  it("refuses request weeks past the plan's end", () => {
    const { patientId, planId } = linkedPlan(0);
    expect(() => setMeasureRequest({ actor: staff, patientId, planId, measure: "nprs", weeks: [0, 7] })).toThrow(/after the end/);
    expect(() => setMeasureRequest({ actor: staff, patientId: newPatient(), planId, measure: "nprs", weeks: [0] })).toThrow(/not found/);
  });
});

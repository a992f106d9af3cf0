import fs from "node:fs";
import path from "node:path";
import { and, asc, eq, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { writeStaffUser } from "@/db/credentials";
import { getPlanAdherence } from "@/db/queries/adherence";
import { listAuditEvents } from "@/db/queries/audit";
import { removeClinicLogo, setClinicLogo, updateClinicProfile } from "@/db/queries/clinic";
import { removeDemoData } from "@/db/queries/demo";
import { openLinkMeasures, recordLinkMeasure } from "@/db/queries/measure-link";
import {
  getMeasureTexts,
  listMeasureRequestsForPatient,
  listMeasuresForPatient,
  recordMeasure,
  setMeasureRequest,
  setMeasureText,
} from "@/db/queries/measures";
import { readPatientRecordForExport } from "@/db/queries/patient-record";
import { exportPatientRecord, exportPlanDocument, importPlanDocument } from "@/db/queries/plan-export";
import { setPlanItemPhase, setPlanPhases } from "@/db/queries/plan-phases";
import { issuePlanVersion, listPlanVersions, versionForHandout } from "@/db/queries/plan-versions";
import { createCustomEntry, setEntryRetired, updateCustomEntry } from "@/db/queries/library";
import { createPatient, getPatient, listPatients, setPatientArchived, updatePatient } from "@/db/queries/patients";
import { forgetUsualDose, saveUsualDose } from "@/db/queries/dose-defaults";
import {
  addPlanItem,
  applyDaysPerWeekToExercises,
  confirmPlanItemConflicts,
  createPlan,
  duplicatePlan,
  getPlan,
  listPlansForPatient,
  removePlanItem,
  reorderPlanItems,
  setPlanStatus,
  updatePlan,
  updatePlanItemDose,
} from "@/db/queries/plans";
import { completeFirstRunSetup } from "@/db/queries/setup";
import {
  createPlanFromTemplate,
  duplicateTemplate,
  getTemplate,
  listTemplates,
  saveTemplateFromPlan,
  setTemplateRetired,
  updateTemplateDetails,
} from "@/db/queries/templates";
import { createShareLink, listShareLinks, openSharedPlan, recordPatientLog, revokeShareLink } from "@/db/queries/share-links";
import { addStaff, resetStaffPassword, setStaffActive, setStaffRole } from "@/db/queries/staff";
import { auditEvents, planItems, plans } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { auditActionCodes, auditActionLabel } from "@/lib/audit-labels";
import { todayIn } from "@/lib/calendar-date";
import { measureRecordSchema } from "@/lib/measures";
import type { Actor } from "@/lib/authz";
import { clinicProfileSchema } from "@/lib/schemas/clinic";
import { libraryEntrySchema } from "@/lib/schemas/library-entry";
import { patientSchema } from "@/lib/schemas/patient";
import { planSchema } from "@/lib/schemas/plan";
import { admin, entryId, staff, uniqueName, withFreshDatabase } from "./helpers";

/**
 * Every audit action code the app knows (the keys of lib/audit-labels.ts),
 * each proven to be written by the code that does that work. A new code
 * without a scenario here, or a code in the source without a label, fails.
 */

/**
 * Written only in the HTTP layer (the sign-in action, the session check and
 * the action wrapper's refusals), which needs a real request: proven over
 * HTTP by tests/e2e/audit-security.spec.ts.
 */
export const writtenOverHttp = ["auth.sign-in", "auth.sign-out", "auth.session-expired", "plan.status"];

const PASSWORD = "quiet harbour lanterns";
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("0000000dIHDR00010001", "hex"),
  Buffer.alloc(16, 7),
]);

function newPatient() {
  return createPatient({ actor: staff, input: patientSchema.parse({ name: uniqueName("Complete patient") }) }).id;
}

function newPlan(patientId = newPatient()) {
  const input = planSchema.parse({ title: uniqueName("Plan"), goal: "Garden again", startDate: "2026-03-02", weeks: "6" });
  const planId = createPlan({ actor: staff, patientId, input }).id;
  const itemId = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") }).id;
  return { patientId, planId, itemId };
}

function newTemplate() {
  return saveTemplateFromPlan({
    actor: staff,
    planId: newPlan().planId,
    scope: "mine",
    details: { title: uniqueName("Template"), description: "", guideline: "" },
  }).id;
}

function version(planId: number) {
  return getDb().select({ version: plans.version }).from(plans).where(eq(plans.id, planId)).get()!.version;
}

/** A patient with an active plan and a live link, for the patient-side codes. */
function linkedPlan() {
  const { patientId, planId, itemId } = newPlan();
  setPlanStatus({ actor: staff, id: planId, status: "active" });
  const { token } = createShareLink({ actor: staff, patientId, days: 30 });
  return { patientId, planId, itemId, token };
}

function therapistUser(): string {
  const name = uniqueName("Target");
  return writeStaffUser(getDb(), { name, email: `${name.replace(/\W+/g, ".").toLowerCase()}@clinic.example`, role: "therapist", hash: "x" }).id;
}

const libraryInput = (name: string) =>
  libraryEntrySchema.parse({ name, category: "stretch", bodyRegions: ["neck"], summary: "", steps: "Sit tall.\nTurn slowly.", cautions: "" });
const clinicInput = () =>
  clinicProfileSchema.parse({
    name: "Lakeside",
    phone: "555 0101",
    email: "",
    address: "",
    website: "",
    timeZone: "UTC",
    handoutFooter: "",
    idleTimeoutMinutes: "15",
    absoluteTimeoutHours: "12",
    quietDaysFlag: "3",
  });

/** An active plan that started today with a live link, asking for the NPRS at week 0 (due now). */
function measuredLink() {
  const patientId = newPatient();
  const input = planSchema.parse({ title: uniqueName("Measured plan"), startDate: todayIn("UTC"), weeks: "6" });
  const planId = createPlan({ actor: staff, patientId, input }).id;
  addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") });
  setPlanStatus({ actor: staff, id: planId, status: "active" });
  setMeasureRequest({ actor: staff, patientId, planId, measure: "nprs", weeks: [0] });
  const { token } = createShareLink({ actor: staff, patientId, days: 30 });
  return { patientId, planId, token };
}

/** The codes `work` wrote with the given outcome (for refusals, which the default check, outcome "ok", does not see). */
function writtenWith(outcome: "ok" | "refused", work: () => void): string[] {
  const before = getDb().select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id)).all().at(-1)?.id ?? 0;
  work();
  return getDb()
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(and(gt(auditEvents.id, before), eq(auditEvents.outcome, outcome)))
    .all()
    .map((r) => r.action);
}

const nprsToday = () => measureRecordSchema.parse({ measure: "nprs", context: "intake", takenOn: todayIn("UTC") });

type Scenario = () => void | string[] | Promise<void> | Promise<string[]>;

/** Each does the real work that should write its code; a scenario on its own database returns the codes written there. */
const scenarios: Record<string, Scenario> = {
  "patient.list": () => void listPatients({ actor: staff }),
  "patient.list-archived": () => void listPatients({ actor: staff, archived: true }),
  "patient.view": () => void getPatient({ actor: staff, id: newPatient() }),
  "patient.create": () => void newPatient(),
  "patient.update": () =>
    void updatePatient({ actor: staff, id: newPatient(), version: 1, input: patientSchema.parse({ name: uniqueName("Renamed") }) }),
  "patient.archive": () => setPatientArchived({ actor: staff, id: newPatient(), archived: true }),
  "patient.restore": () => {
    const id = newPatient();
    setPatientArchived({ actor: staff, id, archived: true });
    setPatientArchived({ actor: staff, id, archived: false });
  },
  "plan.list": () => void listPlansForPatient({ actor: staff, patientId: newPatient() }),
  "plan.view": () => void getPlan({ actor: staff, id: newPlan().planId }),
  "plan.print": () => void getPlan({ actor: staff, id: newPlan().planId, purpose: "print" }),
  "plan.calendar": () => void getPlan({ actor: staff, id: newPlan().planId, purpose: "calendar" }),
  "plan.adherence": () => void getPlanAdherence({ actor: staff, planId: newPlan().planId }),
  "share.create": () => void createShareLink({ actor: staff, patientId: newPatient(), days: 7 }),
  "share.list": () => void listShareLinks({ actor: staff, patientId: newPatient() }),
  "share.revoke": () => {
    const patientId = newPatient();
    const { id } = createShareLink({ actor: staff, patientId, days: 7 });
    revokeShareLink({ actor: staff, patientId, linkId: id });
  },
  "share.view": () => void openSharedPlan({ token: linkedPlan().token, address: "192.0.2.1" }),
  "share.calendar": () => void openSharedPlan({ token: linkedPlan().token, address: "192.0.2.1", purpose: "calendar" }),
  "share.log.done": () => {
    const { token, itemId } = linkedPlan();
    expect(recordPatientLog({ token, input: { kind: "done", itemId }, address: "192.0.2.1" })).toEqual({ ok: true });
  },
  "share.log.undo": () => {
    const { token, itemId } = linkedPlan();
    expect(recordPatientLog({ token, input: { kind: "undo", itemId }, address: "192.0.2.1" })).toEqual({ ok: true });
  },
  "share.log.pain": () => {
    expect(recordPatientLog({ token: linkedPlan().token, input: { kind: "pain", score: 3, comment: "" }, address: "192.0.2.1" })).toEqual({
      ok: true,
    });
  },
  "share.log.refused": () =>
    writtenWith("refused", () => {
      const { token, planId } = linkedPlan();
      // Added to the draft after the version was issued: not on the patient's page.
      const itemId = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") }).id;
      expect(recordPatientLog({ token, input: { kind: "done", itemId }, address: "192.0.2.1" })).toEqual({ ok: false, reason: "item" });
    }),
  "plan.create": () => void newPlan(),
  "plan.update": () => {
    const { planId } = newPlan();
    updatePlan({
      actor: staff,
      id: planId,
      version: version(planId),
      input: planSchema.parse({ title: "Renamed plan", startDate: "2026-03-02", weeks: "4" }),
    });
  },
  "plan.duplicate": () => {
    const { planId, patientId } = newPlan();
    duplicatePlan({ actor: staff, id: planId, patientId });
  },
  "plan.item.add": () => void newPlan(),
  "plan.item.dose": () => {
    const { planId, itemId } = newPlan();
    const dose = getDb().select({ dose: planItems.dose }).from(planItems).where(eq(planItems.id, itemId)).get()!.dose;
    updatePlanItemDose({ actor: staff, planId, itemId, dose });
  },
  "plan.item.days-all": () => {
    const { planId } = newPlan();
    applyDaysPerWeekToExercises({ actor: staff, planId, daysPerWeek: 3 });
  },
  "dose-default.save": () => {
    const { planId, itemId } = newPlan();
    saveUsualDose({ actor: staff, planId, itemId });
  },
  "dose-default.forget": () => {
    const { planId, itemId } = newPlan();
    const { libraryEntryId } = saveUsualDose({ actor: staff, planId, itemId });
    forgetUsualDose({ actor: staff, libraryEntryId });
  },
  "plan.item.remove": () => {
    const { planId, itemId } = newPlan();
    removePlanItem({ actor: staff, planId, itemId });
  },
  "plan.item.reorder": () => {
    const { planId, itemId } = newPlan();
    const second = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("cat-camel") }).id;
    reorderPlanItems({ actor: staff, planId, itemIds: [second, itemId] });
  },
  "plan.phases": () =>
    void setPlanPhases({ actor: staff, planId: newPlan().planId, phases: [{ id: "settle", title: "Settle", fromWeek: 1, toWeek: 2 }] }),
  "plan.item.phase": () => {
    const { planId, itemId } = newPlan();
    setPlanPhases({ actor: staff, planId, phases: [{ id: "settle", title: "Settle", fromWeek: 1, toWeek: 1 }] });
    setPlanItemPhase({ actor: staff, planId, itemId, phaseId: "settle" });
  },
  "plan.status.draft": () => {
    const { planId } = newPlan();
    setPlanStatus({ actor: staff, id: planId, status: "archived" });
    setPlanStatus({ actor: staff, id: planId, status: "draft" });
  },
  "plan.status.active": () => void setPlanStatus({ actor: staff, id: newPlan().planId, status: "active" }),
  "plan.status.completed": () => void setPlanStatus({ actor: staff, id: linkedPlan().planId, status: "completed" }),
  "plan.status.archived": () => void setPlanStatus({ actor: staff, id: newPlan().planId, status: "archived" }),
  "plan.from-template": () =>
    void createPlanFromTemplate({ actor: staff, patientId: newPatient(), templateId: newTemplate(), startDate: "2026-03-02" }),
  "template.list": () => void listTemplates({ actor: staff }),
  "template.view": () => void getTemplate({ actor: staff, id: newTemplate() }),
  "template.save": () => void newTemplate(),
  "template.update": () =>
    void updateTemplateDetails({
      actor: staff,
      id: newTemplate(),
      version: 1,
      details: { title: uniqueName("Renamed template"), description: "", guideline: "" },
    }),
  "template.duplicate": () => void duplicateTemplate({ actor: staff, id: newTemplate() }),
  "template.retire": () => setTemplateRetired({ actor: staff, id: newTemplate(), retired: true }),
  "template.restore": () => {
    const id = newTemplate();
    setTemplateRetired({ actor: staff, id, retired: true });
    setTemplateRetired({ actor: staff, id, retired: false });
  },
  "audit.view": () => void listAuditEvents({ actor: admin }),
  "clinic.update": () => updateClinicProfile({ actor: admin, input: clinicInput() }),
  "clinic.logo.set": () => {
    updateClinicProfile({ actor: admin, input: clinicInput() });
    setClinicLogo({ actor: admin, bytes: png, type: "image/png" });
  },
  "clinic.logo.remove": () => removeClinicLogo({ actor: admin }),
  "library.create": () => void createCustomEntry({ actor: admin, input: libraryInput(uniqueName("Neck turn")) }),
  "library.update": () => {
    const { id } = createCustomEntry({ actor: admin, input: libraryInput(uniqueName("Neck turn")) });
    updateCustomEntry({ actor: admin, id, version: 1, input: libraryInput(uniqueName("Neck turn, slower")) });
  },
  "library.retire": () =>
    setEntryRetired({ actor: admin, id: createCustomEntry({ actor: admin, input: libraryInput(uniqueName("Neck turn")) }).id, retired: true }),
  "library.restore": () =>
    setEntryRetired({ actor: admin, id: createCustomEntry({ actor: admin, input: libraryInput(uniqueName("Neck turn")) }).id, retired: false }),
  "staff.add": async () => {
    const name = uniqueName("New colleague");
    await addStaff({
      actor: admin,
      input: { name, email: `${name.replace(/\W+/g, ".").toLowerCase()}@clinic.example`, role: "therapist", password: PASSWORD },
    });
  },
  "staff.role": () => setStaffRole({ actor: admin, id: therapistUser(), role: "admin" }),
  "staff.password": () => resetStaffPassword({ actor: admin, id: therapistUser(), password: PASSWORD }),
  "staff.deactivate": () => setStaffActive({ actor: admin, id: therapistUser(), active: false }),
  "staff.reactivate": () => setStaffActive({ actor: admin, id: therapistUser(), active: true }),
  "setup.complete": () =>
    withFreshDatabase(async (db) => {
      await completeFirstRunSetup(
        {
          clinicName: "Fresh Clinic",
          clinicPhone: "555 0199",
          timeZone: "UTC",
          name: "First Admin",
          email: "first@fresh.example",
          password: PASSWORD,
        },
        "192.0.2.5",
      );
      return db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .all()
        .map((r) => r.action);
    }),
  "demo.load": () =>
    withFreshDatabase(async (db) => {
      await seedDatabase(db, { demo: true });
      return db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .all()
        .map((r) => r.action);
    }),
  "demo.remove": () =>
    withFreshDatabase(async (db) => {
      await seedDatabase(db, { demo: true });
      const own = writeStaffUser(db, { name: "Own Admin", email: "own@fresh.example", role: "admin", hash: "x" });
      const actor: Actor = { userId: own.id, name: "Own Admin", role: "admin", active: true };
      removeDemoData({ actor });
      return db
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(eq(auditEvents.outcome, "ok"))
        .all()
        .map((r) => r.action);
    }),
  "measure.record": () => void recordMeasure({ actor: staff, patientId: newPatient(), input: nprsToday(), answers: { pain: "4" } }),
  "measure.list": () => void listMeasuresForPatient({ actor: staff, patientId: newPatient() }),
  "measure.requests.set": () => void measuredLink(),
  "measure.requests.view": () => void listMeasureRequestsForPatient({ actor: staff, patientId: measuredLink().patientId }),
  "measure.texts.update": () => setMeasureText({ actor: admin, measure: "odi", body: "" }),
  "measure.texts.view": () => void getMeasureTexts({ actor: admin }),
  "share.measures.view": () => {
    expect(openLinkMeasures({ token: measuredLink().token, address: "192.0.2.1" })?.due.map((d) => d.measure)).toEqual(["nprs"]);
  },
  "share.measure.record": () => {
    expect(recordLinkMeasure({ token: measuredLink().token, address: "192.0.2.1", measure: "nprs", answers: { pain: "3" } })).toEqual({ ok: true });
  },
  "share.measure.refused": () =>
    writtenWith("refused", () => {
      expect(recordLinkMeasure({ token: measuredLink().token, address: "192.0.2.1", measure: "nprs", answers: { pain: "11" } })).toMatchObject({
        ok: false,
        reason: "invalid",
      });
    }),
  "share.measure.not-due": () =>
    writtenWith("refused", () => {
      expect(recordLinkMeasure({ token: measuredLink().token, address: "192.0.2.1", measure: "psfs", answers: { activities: [] } })).toEqual({
        ok: false,
        reason: "not-due",
      });
    }),
  "patient.export.fhir": () => {
    const { patientId } = linkedPlan();
    readPatientRecordForExport({ actor: staff, patientId });
  },
  "patient.export": () => void exportPatientRecord({ actor: staff, patientId: linkedPlan().patientId }),
  "plan.issue": () => void issuePlanVersion({ actor: staff, planId: newPlan().planId }),
  "plan.export": () => void exportPlanDocument({ actor: staff, planId: linkedPlan().planId }),
  "plan.import": () => {
    const { document } = exportPlanDocument({ actor: staff, planId: linkedPlan().planId });
    importPlanDocument({ actor: staff, patientId: newPatient(), document });
  },
  "plan.versions": () => void listPlanVersions({ actor: staff, planId: linkedPlan().planId }),
  "plan.version": () => void versionForHandout({ actor: staff, planId: linkedPlan().planId, number: 1, purpose: "version" }),
  "plan.item.keep-despite-precaution": () => {
    const patientId = createPatient({
      actor: staff,
      input: patientSchema.parse({ name: uniqueName("Careful patient"), precautions: ["pregnancy"] }),
    }).id;
    const planId = createPlan({
      actor: staff,
      patientId,
      input: planSchema.parse({ title: uniqueName("Plan"), startDate: "2026-03-02", weeks: "6" }),
    }).id;
    const itemId = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("prone-press-up") }).id;
    confirmPlanItemConflicts({ actor: staff, planId, itemId });
  },
};

/** String literals in the app's own source that look like audit codes. */
function codesInSource(): string[] {
  const prefixes = [...new Set(auditActionCodes.map((c) => c.split(".")[0]))].join("|");
  const pattern = new RegExp(`["'\`]((?:${prefixes})\\.[a-z][a-z.-]*)["'\`]`, "g");
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
      const full = path.join(dir, d.name);
      return d.isDirectory() ? files(full) : /\.tsx?$/.test(d.name) ? [full] : [];
    });
  const found = new Set<string>();
  for (const file of [...files("app"), ...files("db")]) for (const m of fs.readFileSync(file, "utf8").matchAll(pattern)) found.add(m[1]);
  return [...found].sort();
}

describe("audit completeness", () => {
  it("has a label for every code and a proof for every label", () => {
    for (const code of auditActionCodes) expect(auditActionLabel(code), code).not.toBe(code);
    expect([...Object.keys(scenarios), ...writtenOverHttp].sort()).toEqual([...auditActionCodes].sort());
  });

  it("labels every audit code written anywhere in the source", () => {
    const unlabelled = codesInSource().filter((c) => !auditActionCodes.includes(c));
    expect(unlabelled).toEqual([]);
    // The scan must see the codes, not pass by finding nothing.
    expect(codesInSource()).toEqual(
      expect.arrayContaining(["patient.create", "staff.role", "demo.remove", "auth.sign-in", "auth.session-expired", "plan.status"]),
    );
  });

  it.each(Object.keys(scenarios))("%s is written by its action", async (code) => {
    const before = getDb().select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id)).all().at(-1)?.id ?? 0;
    const own = await scenarios[code]();
    const written =
      own ??
      getDb()
        .select({ action: auditEvents.action })
        .from(auditEvents)
        .where(and(gt(auditEvents.id, before), eq(auditEvents.outcome, "ok")))
        .all()
        .map((r) => r.action);
    expect(written).toContain(code);
  });
});

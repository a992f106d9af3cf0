import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createPatient } from "@/db/queries/patients";
import { addPlanItem, createPlan, getPlan, updatePlanItemDose } from "@/db/queries/plans";
import {
  createPlanFromTemplate,
  duplicateTemplate,
  getTemplate,
  getTemplateOfPlan,
  listTemplates,
  saveTemplateFromPlan,
  setTemplateRetired,
  updateTemplateDetails,
} from "@/db/queries/templates";
import { plans, planTemplates } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { starterTemplates } from "@/db/seed/templates";
import { ForbiddenError, type Actor } from "@/lib/authz";
import { RuleError } from "@/lib/errors";
import { patientSchema } from "@/lib/schemas/patient";
import { planSchema } from "@/lib/schemas/plan";
import { admin, entryId, staff, uniqueName } from "./helpers";

const otherTherapist: Actor = { userId: "test-other-therapist", name: "Other therapist", role: "therapist", active: true };

function newPatient() {
  return createPatient({ actor: staff, input: patientSchema.parse({ name: uniqueName("Template patient") }) }).id;
}

/** A plan with a walk, a visit pattern and an exercise whose dose was tailored. */
function tailoredPlan() {
  const patientId = newPatient();
  const planId = createPlan({
    actor: staff,
    patientId,
    input: planSchema.parse({
      title: uniqueName("Source plan"),
      goal: "Walk to work",
      startDate: "2026-03-02",
      weeks: "6",
      precautions: "Osteoporosis",
    }),
  }).id;
  addPlanItem({ actor: staff, planId, libraryEntryId: entryId("steady-walk") });
  addPlanItem({ actor: staff, planId, libraryEntryId: entryId("chiropractic-adjustment") });
  const bridge = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") }).id;
  const dose = getPlan({ actor: staff, id: planId }).items.find((i) => i.id === bridge)!.dose;
  updatePlanItemDose({ actor: staff, planId, itemId: bridge, dose: { ...dose, reps: 12, holdSeconds: 5 } });
  return { patientId, planId };
}

describe("plan templates", () => {
  it("a saved template starts a new plan for another patient with the same items and doses, on the new start date", () => {
    const { planId } = tailoredPlan();
    const source = getPlan({ actor: staff, id: planId });
    const { id: templateId } = saveTemplateFromPlan({
      actor: staff,
      planId,
      scope: "mine",
      details: { title: uniqueName("My low back"), description: "For desk workers", guideline: "NICE NG59 (2020)" },
    });
    const template = getTemplate({ actor: staff, id: templateId }).template;
    // The patient's own words and precautions stay with the patient.
    expect(template.goal).toBe("");
    expect(template.precautions).toBe("");
    expect(template.items.every((i) => i.itemId === null)).toBe(true);

    const patientId = newPatient();
    const { id } = createPlanFromTemplate({ actor: staff, patientId, templateId, startDate: "2026-04-06" });
    const made = getPlan({ actor: staff, id });
    expect(made.startDate).toBe("2026-04-06");
    expect(made.weeks).toBe(6);
    expect(made.status).toBe("draft");
    expect(made.items.map((i) => [i.kind, i.entry.slug, i.dose])).toEqual(source.items.map((i) => [i.kind, i.entry.slug, i.dose]));
    expect(made.items.find((i) => i.entry.slug === "glute-bridge")!.dose).toMatchObject({ reps: 12, holdSeconds: 5 });
    expect(getTemplateOfPlan({ actor: staff, planId: id })).toMatchObject({ id: templateId, retiredAt: null });
  });

  it("takes the title and length given on the new plan form, and refuses a length shorter than the template's visits", () => {
    const { planId } = tailoredPlan();
    const { id: templateId } = saveTemplateFromPlan({
      actor: staff,
      planId,
      scope: "mine",
      details: { title: uniqueName("Visits"), description: "", guideline: "" },
    });
    const patientId = newPatient();
    const { id } = createPlanFromTemplate({ actor: staff, patientId, templateId, startDate: "2026-04-06", title: "Dana's back plan", weeks: 8 });
    expect(getPlan({ actor: staff, id })).toMatchObject({ title: "Dana's back plan", weeks: 8 });
    // The chiropractic visits run 4 weeks by default.
    expect(() => createPlanFromTemplate({ actor: staff, patientId, templateId, startDate: "2026-04-06", weeks: 2 })).toThrow(RuleError);
  });

  it("keeps my templates to me; clinic-wide ones are for admins to make and change", () => {
    const { planId } = tailoredPlan();
    const { id: mine } = saveTemplateFromPlan({
      actor: staff,
      planId,
      scope: "mine",
      details: { title: uniqueName("Private"), description: "", guideline: "" },
    });
    expect(listTemplates({ actor: otherTherapist }).some((t) => t.id === mine)).toBe(false);
    expect(() => getTemplate({ actor: otherTherapist, id: mine })).toThrow(/not found/);
    expect(() =>
      saveTemplateFromPlan({ actor: staff, planId, scope: "clinic", details: { title: "Shared", description: "", guideline: "" } }),
    ).toThrow(ForbiddenError);
    const { id: shared } = saveTemplateFromPlan({
      actor: admin,
      planId,
      scope: "clinic",
      details: { title: uniqueName("Shared"), description: "", guideline: "" },
    });
    expect(listTemplates({ actor: otherTherapist }).find((t) => t.id === shared)).toMatchObject({ scope: "clinic", mayChange: false });
    expect(() => setTemplateRetired({ actor: otherTherapist, id: shared, retired: true })).toThrow(ForbiddenError);
  });

  it("edits details with a version check, duplicates as mine, and a retired template stays readable from its plans", () => {
    const { planId } = tailoredPlan();
    const { id } = saveTemplateFromPlan({
      actor: staff,
      planId,
      scope: "mine",
      details: { title: uniqueName("Editable"), description: "", guideline: "" },
    });
    updateTemplateDetails({
      actor: staff,
      id,
      version: 1,
      details: { title: "Renamed template", description: "Now described", guideline: "JOSPT 2021" },
    });
    expect(() => updateTemplateDetails({ actor: staff, id, version: 1, details: { title: "Stale", description: "", guideline: "" } })).toThrow(
      /Someone else/,
    );
    const t = getTemplate({ actor: staff, id });
    expect(t).toMatchObject({ title: "Renamed template", guideline: "JOSPT 2021" });
    expect(t.template.title).toBe("Renamed template");

    const copy = duplicateTemplate({ actor: otherTherapist, id: listTemplates({ actor: otherTherapist })[0].id });
    expect(getTemplate({ actor: otherTherapist, id: copy.id }).scope).toBe("mine");

    const made = createPlanFromTemplate({ actor: staff, patientId: newPatient(), templateId: id, startDate: "2026-05-04" });
    setTemplateRetired({ actor: staff, id, retired: true });
    expect(listTemplates({ actor: staff }).some((x) => x.id === id)).toBe(false);
    expect(listTemplates({ actor: staff, includeRetired: true }).some((x) => x.id === id)).toBe(true);
    expect(getTemplate({ actor: staff, id }).retiredAt).not.toBeNull();
    expect(getTemplateOfPlan({ actor: staff, planId: made.id })).toMatchObject({ id, title: "Renamed template" });
    expect(getTemplateOfPlan({ actor: staff, planId: made.id })!.retiredAt).not.toBeNull();
    expect(() => createPlanFromTemplate({ actor: staff, patientId: newPatient(), templateId: id, startDate: "2026-05-04" })).toThrow(/retired/);
  });

  it("seeds the starter templates, each with a guideline and a review date, and never overwrites a clinic's edit", async () => {
    const starters = listTemplates({ actor: staff }).filter((t) => t.slug !== null);
    expect(starters.length).toBeGreaterThanOrEqual(6);
    expect(starters.map((t) => t.slug).sort()).toEqual(starterTemplates.map((t) => t.slug).sort());
    for (const t of starters) {
      expect(t.guideline).toMatch(/(NICE|ACP|JOSPT).*(20\d\d)/);
      expect(t.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(t.itemCount).toBeGreaterThanOrEqual(4);
    }
    // Every starter makes a valid plan.
    for (const t of starters)
      expect(
        getPlan({ actor: staff, id: createPlanFromTemplate({ actor: staff, patientId: newPatient(), templateId: t.id, startDate: "2026-06-01" }).id })
          .problems,
      ).toEqual([]);

    const acute = starters.find((t) => t.slug === "acute-low-back-pain-first-two-weeks")!;
    updateTemplateDetails({
      actor: admin,
      id: acute.id,
      version: acute.version,
      details: { title: "Our acute back plan", description: "Edited", guideline: acute.guideline },
    });
    await seedDatabase(getDb(), { demo: false });
    await seedDatabase(getDb(), { demo: false });
    const rows = getDb().select({ title: planTemplates.title }).from(planTemplates).where(eq(planTemplates.slug, acute.slug!)).all();
    expect(rows).toEqual([{ title: "Our acute back plan" }]);
  });

  it("a plan made from a template records it", () => {
    const starter = listTemplates({ actor: staff }).find((t) => t.slug === "neck-pain-at-the-desk")!;
    const { id } = createPlanFromTemplate({ actor: staff, patientId: newPatient(), templateId: starter.id, startDate: "2026-06-01" });
    expect(getDb().select({ templateId: plans.templateId }).from(plans).where(eq(plans.id, id)).get()).toEqual({ templateId: starter.id });
  });
});

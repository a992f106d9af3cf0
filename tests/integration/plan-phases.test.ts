import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { createPatient } from "@/db/queries/patients";
import { exportPlanDocument, importPlanDocument } from "@/db/queries/plan-export";
import { setPlanItemPhase, setPlanPhases } from "@/db/queries/plan-phases";
import { issuePlanVersion, listPlanVersions } from "@/db/queries/plan-versions";
import { addPlanItem, createPlan, duplicatePlan, getPlan, updatePlan } from "@/db/queries/plans";
import { createPlanFromTemplate, listTemplates, saveTemplateFromPlan } from "@/db/queries/templates";
import { RuleError } from "@/lib/errors";
import { changesInWords } from "@/lib/plan-diff";
import { patientSchema } from "@/lib/schemas/patient";
import { planSchema } from "@/lib/schemas/plan";
import { entryId, staff, uniqueName } from "./helpers";

const settle = { id: "settle", title: "Settle the pain", fromWeek: 1, toWeek: 2 };
const build = { id: "build", title: "Build strength", fromWeek: 3, toWeek: 6 };

function newPatient() {
  return createPatient({ actor: staff, input: patientSchema.parse({ name: uniqueName("Phase patient") }) }).id;
}

/** A 6-week plan: a walk for the whole plan, front plank on knees in "Settle the pain", bird dog in "Build strength". */
function phasedPlan() {
  const patientId = newPatient();
  const planId = createPlan({
    actor: staff,
    patientId,
    input: planSchema.parse({ title: uniqueName("Phased plan"), startDate: "2026-03-02", weeks: "6" }),
  }).id;
  const walk = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("steady-walk") }).id;
  const plank = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("front-plank-knees") }).id;
  const birdDog = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("bird-dog") }).id;
  setPlanPhases({ actor: staff, planId, phases: [settle, build] });
  setPlanItemPhase({ actor: staff, planId, itemId: plank, phaseId: "settle" });
  setPlanItemPhase({ actor: staff, planId, itemId: birdDog, phaseId: "build" });
  return { patientId, planId, walk, plank, birdDog };
}

describe("plan phases", () => {
  it("keeps phases and item phases in the draft and in the issued version", () => {
    const { planId, walk, plank, birdDog } = phasedPlan();
    const plan = getPlan({ actor: staff, id: planId });
    expect(plan.phases).toEqual([settle, build]);
    expect(Object.fromEntries(plan.items.map((it) => [it.id, it.phaseId ?? null]))).toEqual({ [walk]: null, [plank]: "settle", [birdDog]: "build" });
    issuePlanVersion({ actor: staff, planId });
    const [v1] = listPlanVersions({ actor: staff, planId });
    expect(v1.document.phases).toEqual([settle, build]);
    expect(v1.document.items.map((it) => it.phaseId ?? null)).toEqual([null, "settle", "build"]);
  });

  it("names phase changes between two issued versions", () => {
    const { planId, plank } = phasedPlan();
    issuePlanVersion({ actor: staff, planId });
    setPlanPhases({
      actor: staff,
      planId,
      phases: [
        { ...settle, toWeek: 3 },
        { ...build, fromWeek: 4 },
      ],
    });
    setPlanItemPhase({ actor: staff, planId, itemId: plank, phaseId: "build" });
    expect(issuePlanVersion({ actor: staff, planId })).toEqual({ number: 2, created: true });
    const versions = listPlanVersions({ actor: staff, planId });
    const [v1, v2] = [...versions].sort((a, b) => a.number - b.number);
    expect(changesInWords(v1.document, v2.document)).toEqual([
      "Phase Settle the pain: weeks 1-2 → 1-3",
      "Phase Build strength: weeks 3-6 → 4-6",
      "Front plank on knees moved to Build strength",
    ]);
  });

  it("refuses bad phases and bad moves, changing nothing", () => {
    const { planId, walk } = phasedPlan();
    expect(() => setPlanPhases({ actor: staff, planId, phases: [settle, { ...build, fromWeek: 2 }] })).toThrow(ZodError);
    expect(() => setPlanPhases({ actor: staff, planId, phases: [settle, { ...build, toWeek: 9 }] })).toThrow(ZodError);
    expect(() => setPlanPhases({ actor: staff, planId, phases: [{ ...settle, title: " " }] })).toThrow(ZodError);
    expect(() => setPlanItemPhase({ actor: staff, planId, itemId: walk, phaseId: "settle" })).toThrow(RuleError);
    expect(() => setPlanItemPhase({ actor: staff, planId, itemId: walk, phaseId: "nope" })).toThrow(/no longer in this plan/);
    expect(getPlan({ actor: staff, id: planId }).phases).toEqual([settle, build]);
    // A plan cannot be made shorter than its last phase.
    expect(() =>
      updatePlan({
        actor: staff,
        id: planId,
        version: getPlan({ actor: staff, id: planId }).version,
        input: planSchema.parse({ title: "Shorter", startDate: "2026-03-02", weeks: "4" }),
      }),
    ).toThrow(/Build strength runs to week 6/);
  });

  it("removing a phase puts its items back on the whole plan", () => {
    const { planId, birdDog } = phasedPlan();
    setPlanPhases({ actor: staff, planId, phases: [settle] });
    const plan = getPlan({ actor: staff, id: planId });
    expect(plan.phases).toEqual([settle]);
    expect(plan.items.find((it) => it.id === birdDog)!.phaseId).toBeUndefined();
    expect(plan.problems).toEqual([]);
  });

  it("a plan without phases issues the same document as before phases existed", () => {
    const planId = createPlan({
      actor: staff,
      patientId: newPatient(),
      input: planSchema.parse({ title: uniqueName("Plain plan"), startDate: "2026-03-02", weeks: "4" }),
    }).id;
    addPlanItem({ actor: staff, planId, libraryEntryId: entryId("bird-dog") });
    issuePlanVersion({ actor: staff, planId });
    const doc = listPlanVersions({ actor: staff, planId })[0].document;
    expect("phases" in doc).toBe(false);
    expect(doc.items.some((it) => "phaseId" in it)).toBe(false);
  });

  it("template to plan: phases, item phases and doses come along; dates come from the new start", () => {
    const { planId } = phasedPlan();
    const source = getPlan({ actor: staff, id: planId });
    const { id: templateId } = saveTemplateFromPlan({
      actor: staff,
      planId,
      scope: "mine",
      details: { title: uniqueName("Phased template"), description: "", guideline: "" },
    });
    const made = createPlanFromTemplate({ actor: staff, patientId: newPatient(), templateId, startDate: "2026-05-04" });
    const plan = getPlan({ actor: staff, id: made.id });
    expect(plan.startDate).toBe("2026-05-04");
    expect(plan.phases).toEqual([settle, build]);
    expect(plan.items.map((it) => [it.entry.slug, it.phaseId ?? null, it.dose])).toEqual(
      source.items.map((it) => [it.entry.slug, it.phaseId ?? null, it.dose]),
    );
    issuePlanVersion({ actor: staff, planId: made.id });
    expect(listPlanVersions({ actor: staff, planId: made.id })[0].document.phases).toEqual([settle, build]);
    // Too short for the template's phases: refused with the reason on the length field.
    expect(() => createPlanFromTemplate({ actor: staff, patientId: newPatient(), templateId, startDate: "2026-05-04", weeks: 4 })).toThrow(
      /visits or phases run longer than 4 weeks/,
    );
  });

  it("the flare-up starter template starts a plan in two phases", () => {
    const starter = listTemplates({ actor: staff }).find((t) => t.slug === "back-to-walking-after-a-flare-up")!;
    const made = createPlanFromTemplate({ actor: staff, patientId: newPatient(), templateId: starter.id, startDate: "2026-06-01" });
    const plan = getPlan({ actor: staff, id: made.id });
    expect(plan.phases.map((p) => [p.title, p.fromWeek, p.toWeek])).toEqual([
      ["Settle the flare-up", 1, 2],
      ["Build back up", 3, 4],
    ]);
    expect(plan.items.filter((it) => it.phaseId).map((it) => [it.entry.slug, it.phaseId])).toEqual([
      ["pelvic-tilt", "settle"],
      ["glute-bridge", "build"],
    ]);
    expect(plan.problems).toEqual([]);
  });

  it("duplicate, export and import keep the phases", () => {
    const { planId, patientId } = phasedPlan();
    const copy = getPlan({ actor: staff, id: duplicatePlan({ actor: staff, id: planId, patientId }).id });
    expect(copy.phases).toEqual([settle, build]);
    expect(copy.items.map((it) => it.phaseId ?? null)).toEqual([null, "settle", "build"]);
    const { document } = exportPlanDocument({ actor: staff, planId });
    const imported = getPlan({ actor: staff, id: importPlanDocument({ actor: staff, patientId, document }).id });
    expect(imported.phases).toEqual([settle, build]);
    expect(imported.items.map((it) => it.phaseId ?? null)).toEqual([null, "settle", "build"]);
  });
});

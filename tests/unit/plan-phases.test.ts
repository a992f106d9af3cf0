import { describe, expect, it } from "vitest";
import { planAdherence } from "@/lib/adherence";
import { phaseStep, progressionNote } from "@/lib/phase-progression";
import { diffPlanDocuments } from "@/lib/plan-diff";
import { canonicalDocument, documentProblems, planDocumentSchema, type PlanDocument } from "@/lib/plan-document";
import { groupByPhase, itemRunsInWeek, phaseAfterWeek, phaseOfWeek, phaseWeeksWords, type PlanPhase } from "@/lib/plan-phases";
import { documentFromTemplate, planTemplateSchema, templateFromDocument } from "@/lib/plan-template";
import { exercise, planDocument, tip, visit, walk } from "../support/plan-documents";

const settle: PlanPhase = { id: "settle", title: "Settle the pain", fromWeek: 1, toWeek: 2 };
const build: PlanPhase = { id: "build", title: "Build strength", fromWeek: 3, toWeek: 6 };

/** Knee plank (10 s) in the first phase, full plank in the second, bird dog moving on from 10 s to 20 s. */
function phased(): PlanDocument {
  return planDocument({
    phases: [settle, build],
    items: [
      walk(1),
      { ...exercise(2, "Knee plank", { reps: null, holdSeconds: 10 }), phaseId: "settle" },
      { ...exercise(3, "Bird dog", { reps: null, holdSeconds: 10 }), phaseId: "settle" },
      { ...exercise(4, "Full plank", { reps: null, holdSeconds: 20 }), phaseId: "build" },
      { ...exercise(5, "Bird dog", { reps: null, holdSeconds: 20 }), phaseId: "build" },
      tip(6),
    ],
  });
}

const problemsOf = (doc: unknown) => {
  const parsed = planDocumentSchema.safeParse(doc);
  return parsed.success ? [] : documentProblems(parsed.error);
};

describe("phases in the plan document", () => {
  it("accepts phases in order within the plan, and items pointing at them", () => {
    expect(problemsOf(phased())).toEqual([]);
  });

  it("reads a document without phases (an old issued version) unchanged", () => {
    const old = planDocument();
    const parsed = planDocumentSchema.parse(JSON.parse(JSON.stringify(old)));
    expect(parsed.phases).toBeUndefined();
    expect(parsed.items.every((it) => !("phaseId" in it))).toBe(true);
    expect(canonicalDocument(parsed)).toBe(canonicalDocument(old));
  });

  it("refuses overlapping, out-of-order, backwards and too-long phases, each by its path", () => {
    const doc = phased();
    doc.phases = [settle, { ...build, fromWeek: 2 }];
    expect(problemsOf(doc)).toEqual([
      {
        path: "phases[1].fromWeek",
        message: "Build strength must start after Settle the pain ends (week 2): phases go in order and do not overlap.",
      },
    ]);
    doc.phases = [build, settle];
    expect(problemsOf(doc).map((p) => p.path)).toEqual(["phases[1].fromWeek"]);
    doc.phases = [{ ...settle, fromWeek: 2, toWeek: 1 }, build];
    expect(problemsOf(doc)).toEqual([{ path: "phases[0].toWeek", message: "Settle the pain: the last week comes before the first week." }]);
    doc.phases = [settle, { ...build, toWeek: 7 }];
    expect(problemsOf(doc)).toEqual([{ path: "phases[1].toWeek", message: "Build strength runs to week 7, but the plan is 6 weeks long." }]);
    doc.phases = [settle, { ...build, id: "settle" }];
    expect(problemsOf(doc).map((p) => p.path)).toContain("phases[1].id");
  });

  it("refuses an item in a phase the plan lacks, and a walk or visit in any phase", () => {
    const doc = phased();
    doc.items[1] = { ...exercise(2, "Knee plank"), phaseId: "gone" };
    doc.items[0] = { ...walk(1), phaseId: "settle" };
    doc.items.push({ ...visit(7), phaseId: "build" });
    expect(problemsOf(doc)).toEqual([
      { path: "items[0].phaseId", message: "Walks and visits run over the whole plan, so they cannot belong to a phase." },
      { path: "items[1].phaseId", message: 'There is no phase "gone" in this plan.' },
      { path: "items[6].phaseId", message: "Walks and visits run over the whole plan, so they cannot belong to a phase." },
    ]);
  });

  it("finds the phase of a week, the next one, and which items run then", () => {
    const doc = phased();
    expect(phaseOfWeek(doc.phases, 2)?.id).toBe("settle");
    expect(phaseOfWeek(doc.phases, 3)?.id).toBe("build");
    expect(phaseAfterWeek(doc.phases, 2)?.id).toBe("build");
    expect(phaseAfterWeek(doc.phases, 3)).toBeNull();
    expect(doc.items.filter((it) => itemRunsInWeek(it, doc.phases, 1)).map((it) => it.itemId)).toEqual([1, 2, 3, 6]);
    expect(doc.items.filter((it) => itemRunsInWeek(it, doc.phases, 4)).map((it) => it.itemId)).toEqual([1, 4, 5, 6]);
    expect(groupByPhase(doc.phases, doc.items).map((g) => [g.phase?.title ?? null, g.items.map((it) => it.itemId)])).toEqual([
      [null, [1, 6]],
      ["Settle the pain", [2, 3]],
      ["Build strength", [4, 5]],
    ]);
    expect(phaseWeeksWords(build)).toBe("weeks 3-6");
    expect(phaseWeeksWords({ fromWeek: 2, toWeek: 2 })).toBe("week 2");
  });

  it("words the step to the next phase: what starts, stops and moves on", () => {
    const doc = phased();
    expect(phaseStep(doc, settle, build)).toEqual({ starts: ["Full plank"], stops: ["Knee plank"], changes: ["Bird dog: hold 10 s → 20 s"] });
    expect(progressionNote(doc, doc.items[4])).toBe("Builds on Settle the pain: hold 10 s → 20 s.");
    expect(progressionNote(doc, doc.items[3])).toBeNull();
    expect(progressionNote(doc, doc.items[1])).toBeNull();
  });
});

describe("phase changes in the version diff", () => {
  it("names added, removed, renamed and re-timed phases", () => {
    const before = planDocument({ phases: [settle], items: [walk(1), { ...exercise(2, "Knee plank"), phaseId: "settle" }] });
    const after = planDocument({
      phases: [
        { ...settle, toWeek: 3 },
        { ...build, fromWeek: 4 },
      ],
      items: [walk(1), { ...exercise(2, "Knee plank"), phaseId: "settle" }],
    });
    expect(diffPlanDocuments(before, after)).toEqual(["Phase Settle the pain: weeks 1-2 → 1-3", "Added phase Build strength (weeks 4-6)"]);
    expect(diffPlanDocuments(after, before)).toEqual(["Phase Settle the pain: weeks 1-3 → 1-2", "Removed phase Build strength (weeks 4-6)"]);
    const renamed = planDocument({ phases: [{ ...settle, title: "Calm it down" }], items: before.items });
    expect(diffPlanDocuments(before, renamed)).toEqual(["Phase renamed: Settle the pain → Calm it down"]);
  });

  it("names an item moved between phases and an item added to a phase", () => {
    const before = phased();
    const after = phased();
    after.items[1] = { ...after.items[1], phaseId: "build" };
    after.items.push({ ...exercise(null, "Side plank", { reps: null, holdSeconds: 15 }), phaseId: "build" });
    expect(diffPlanDocuments(before, after)).toEqual([
      "Knee plank moved to Build strength",
      "Added Side plank in Build strength: Hold for 15 seconds. Do this once a day, every day.",
    ]);
    const unphased = phased();
    unphased.phases = [settle];
    unphased.items = unphased.items.map(({ phaseId: _p, ...it }) => it as PlanDocument["items"][number]);
    expect(diffPlanDocuments(before, unphased)).toContain("Removed phase Build strength (weeks 3-6)");
    expect(diffPlanDocuments(before, unphased)).toContain("Knee plank moved to the whole plan");
  });

  it("says nothing about phases for two documents without them", () => {
    expect(diffPlanDocuments(planDocument(), planDocument())).toEqual([]);
  });
});

describe("templates keep phases", () => {
  it("a plan saved as a template and started again keeps its phases, item phases and doses", () => {
    const template = templateFromDocument(phased());
    expect(planTemplateSchema.safeParse(template).success).toBe(true);
    expect(template.phases).toEqual([settle, build]);
    const plan = documentFromTemplate(template, { startDate: "2026-05-04" });
    expect(plan.startDate).toBe("2026-05-04");
    expect(plan.phases).toEqual([settle, build]);
    expect(plan.items.map((it) => [it.entry.name, it.phaseId ?? null, it.itemId])).toEqual([
      ["Walking", null, null],
      ["Knee plank", "settle", null],
      ["Bird dog", "settle", null],
      ["Full plank", "build", null],
      ["Bird dog", "build", null],
      ["Supportive footwear", null, null],
    ]);
    expect(plan.items[4].dose).toEqual(phased().items[4].dose);
  });

  it("refuses a template whose phases outrun a shorter plan", () => {
    expect(() => documentFromTemplate({ ...templateFromDocument(phased()), weeks: 4 }, { startDate: "2026-05-04" })).toThrow(/runs to week 6/);
  });
});

describe("adherence with phases", () => {
  it("counts an item only in its phase's weeks", () => {
    const result = planAdherence({
      plan: {
        startDate: "2026-03-02",
        weeks: 4,
        items: [
          { id: 1, kind: "exercise", dose: exercise(1, "a", { daysPerWeek: 3 }).dose, weeks: { from: 1, to: 2 } },
          { id: 2, kind: "exercise", dose: exercise(2, "b", { daysPerWeek: 2 }).dose, weeks: { from: 3, to: 4 } },
          { id: 3, kind: "exercise", dose: exercise(3, "c", { daysPerWeek: 1 }).dose },
        ],
      },
      itemLogs: [
        { planItemId: 1, day: "2026-03-02" },
        { planItemId: 2, day: "2026-03-03" },
        { planItemId: 2, day: "2026-03-17" },
      ],
      painLogs: [],
      today: "2026-03-22",
      quietDays: 3,
    });
    expect(result.weeks.map((w) => [w.itemsDone, w.itemsPrescribed])).toEqual([
      [1, 4],
      [0, 4],
      [1, 3],
    ]);
  });
});

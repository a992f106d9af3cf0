import { describe, expect, it } from "vitest";
import { starterLibrary } from "@/db/seed/library";
import { buildStarterTemplate, starterTemplates } from "@/db/seed/templates";
import { kindForCategory } from "@/lib/library";
import { PLAN_DOCUMENT_FORMAT, planDocumentSchema } from "@/lib/plan-document";
import { documentFromTemplate, parseTemplate, planTemplateSchema, PLAN_TEMPLATE_FORMAT, templateFromDocument } from "@/lib/plan-template";
import { nextMonday, nextWorkingDay, startDateChoices } from "@/lib/start-date";
import { DEFAULT_PLAN_TITLE } from "@/lib/schemas/plan";
import { newPlanSchema } from "@/lib/schemas/template";

/** The starter templates built against the starter library, ids faked as their position. */
const templates = starterTemplates.map((def) =>
  planTemplateSchema.parse(
    buildStarterTemplate(def, (slug) => {
      const i = starterLibrary.findIndex((e) => e.slug === slug);
      if (i < 0) throw new Error(`unknown slug ${slug}`);
      const e = starterLibrary[i];
      return {
        ...e,
        id: i + 1,
        kind: kindForCategory[e.category],
        plainName: e.plainName ?? "",
        oneSided: e.oneSided ?? false,
        defaultDose: e.defaultDose,
      } as never;
    }),
  ),
);

describe("plan templates (pure)", () => {
  it("the starter templates are valid, cite a guideline with its year and carry a review date", () => {
    expect(templates.length).toBeGreaterThanOrEqual(6);
    for (const t of templates) {
      expect(t.guideline).toMatch(/(NICE NG59|ACP|JOSPT).*20\d\d/);
      expect(t.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it("a template has no start date; a plan made from it gets one and keeps every dose", () => {
    const t = templates.find((x) => x.items.some((i) => i.kind === "visit"))!;
    expect("startDate" in t).toBe(false);
    const doc = documentFromTemplate(t, { startDate: "2026-03-02" });
    expect(planDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc).toMatchObject({ format: PLAN_DOCUMENT_FORMAT, startDate: "2026-03-02", weeks: t.weeks, title: t.title });
    expect(doc.items.map((i) => i.dose)).toEqual(t.items.map((i) => i.dose));
    expect(documentFromTemplate(t, { startDate: "2026-03-02", title: "  Dana's plan " }).title).toBe("Dana's plan");
    // Back to a template: the same body, without the date.
    const again = templateFromDocument(doc, { description: t.description, guideline: t.guideline, lastReviewed: t.lastReviewed });
    expect(again).toEqual({ ...t, format: PLAN_TEMPLATE_FORMAT });
  });

  it("refuses a bad template with every problem by its path, like a plan file", () => {
    const t = templates[0];
    const bad = parseTemplate({
      ...t,
      title: "",
      weeks: 0,
      lastReviewed: "2026-02-30",
      items: [{ ...t.items[0], kind: "exercise", dose: { reps: 500 } }],
    });
    expect(bad.ok).toBe(false);
    const paths = bad.ok ? [] : bad.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["title", "weeks", "lastReviewed"]));
    expect(paths.some((p) => p.startsWith("items[0]"))).toBe(true);
    expect(parseTemplate({ ...t, format: "stride.plan-document/1" }).ok).toBe(false);
    // A visit pattern longer than the template is refused, as in a plan.
    const visits = templates.find((x) => x.items.some((i) => i.kind === "visit"))!;
    expect(parseTemplate({ ...visits, weeks: 1 }).ok).toBe(false);
    expect(parseTemplate(t)).toEqual({ ok: true, template: t });
  });

  it("start dates: the next working day by default, and today, tomorrow, next Monday as quick choices", () => {
    expect(nextWorkingDay("2026-12-01")).toBe("2026-12-02"); // Tuesday -> Wednesday
    expect(nextWorkingDay("2026-12-04")).toBe("2026-12-07"); // Friday -> Monday
    expect(nextWorkingDay("2026-12-05")).toBe("2026-12-07"); // Saturday -> Monday
    expect(nextWorkingDay("2026-12-06")).toBe("2026-12-07"); // Sunday -> Monday
    expect(nextMonday("2026-12-07")).toBe("2026-12-14");
    expect(startDateChoices("2026-12-31")).toEqual([
      { label: "Today", date: "2026-12-31" },
      { label: "Tomorrow", date: "2027-01-01" },
      { label: "Next Monday", date: "2027-01-04" },
    ]);
  });
});

describe("the new plan form", () => {
  it("names a blank plan 'Home program' when no title is typed, and keeps a typed one", () => {
    expect(newPlanSchema.parse({ template: "blank", title: "", weeks: "6", startDate: "2026-03-02" }).title).toBe(DEFAULT_PLAN_TITLE);
    expect(newPlanSchema.parse({ template: "blank", title: " Low back ", weeks: "6", startDate: "2026-03-02" }).title).toBe("Low back");
  });

  it("still asks a blank plan for its length, next to that field", () => {
    const result = newPlanSchema.safeParse({ template: "blank", title: "", weeks: "", startDate: "2026-03-02" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["weeks", "Length must be a number."]]);
  });
});

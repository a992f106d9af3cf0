import { describe, expect, it } from "vitest";
import { changesInWords, diffPlanDocuments } from "@/lib/plan-diff";
import { exercise, planDocument, tip, visit, walk } from "../support/plan-documents";

const base = () =>
  planDocument({
    items: [walk(1), exercise(2, "Knee-to-chest stretch", { reps: null, holdSeconds: 30 }, true), exercise(3, "Glute bridge", { sets: 2, reps: 10 })],
  });

describe("diffPlanDocuments", () => {
  it("finds nothing between identical documents", () => {
    expect(diffPlanDocuments(base(), base())).toEqual([]);
    expect(changesInWords(base(), base())).toEqual(["No changes"]);
    expect(changesInWords(null, base())).toEqual(["First version given to the patient"]);
  });

  it("words added and removed items, with the added item's dose", () => {
    const after = base();
    after.items = [after.items[0], after.items[1], exercise(9, "Bird dog", { sets: 2, reps: 8 }, true)];
    expect(diffPlanDocuments(base(), after)).toEqual([
      "Added Bird dog: Do 2 rounds of 8 repeats, each side. Do this once a day, every day.",
      "Removed Glute bridge",
    ]);
  });

  it("words dose changes field by field", () => {
    const after = base();
    after.items = [
      walk(1, { stepMinutes: 3 }),
      exercise(2, "Knee-to-chest stretch", { reps: null, holdSeconds: 45 }, true),
      exercise(3, "Glute bridge", { sets: 3, reps: 12, timesPerDay: 2 }),
    ];
    expect(diffPlanDocuments(base(), after)).toEqual([
      "Walking: +5 min a week → +3 min a week",
      "Knee-to-chest stretch: hold 30 s → 45 s",
      "Glute bridge: sets 2 → 3, reps 10 → 12, once a day → 2 times a day",
    ]);
  });

  it("words visit, tip and text changes", () => {
    const before = planDocument({ items: [visit(1), tip(2)] });
    const changedTip = tip(2);
    changedTip.dose.note = "Wear them on walks.";
    changedTip.entry.steps = ["New step."];
    const after = planDocument({ items: [visit(1, { visitType: "re-assessment", spans: [{ perWeek: 1, weeks: 2 }] }), changedTip] });
    expect(diffPlanDocuments(before, after)).toEqual([
      "Physical-therapy session: Physical-therapy session → Re-assessment, Come in 2 times a week for 2 weeks → Come in once a week for 2 weeks",
      "Supportive footwear: note changed",
      "Supportive footwear: instructions updated",
    ]);
  });

  it("notices a new order", () => {
    const after = base();
    after.items = [after.items[2], after.items[0], after.items[1]];
    expect(diffPlanDocuments(base(), after)).toEqual(["Order changed: Glute bridge, Walking, Knee-to-chest stretch"]);
  });

  it("words header changes", () => {
    const after = {
      ...base(),
      title: "Back plan",
      weeks: 8,
      precautions: "Osteoporosis: no loaded bending.",
      goal: "Garden again",
      startDate: "2026-03-09",
    };
    expect(diffPlanDocuments(base(), after)).toEqual([
      "Title: Low back plan → Back plan",
      "Goal changed: “Garden again”",
      "Start date: Monday, March 2, 2026 → Monday, March 9, 2026",
      "Length: 6 weeks → 8 weeks",
      "Precautions changed",
    ]);
  });

  it("matches imported items (no ids) by their library text", () => {
    const before = planDocument({ items: [exercise(null, "Bird dog", { reps: 8 })] });
    const after = planDocument({ items: [exercise(null, "Bird dog", { reps: 10 })] });
    expect(diffPlanDocuments(before, after)).toEqual(["Bird dog: reps 8 → 10"]);
  });
});

import { describe, expect, it } from "vitest";
import { describeDose } from "@/lib/dose-wording";
import { canonicalDocument, documentProblems, isTickable, jsonPath, planDocumentSchema, withoutIds } from "@/lib/plan-document";
import { exercise, planDocument, tip, visit, walk } from "../support/plan-documents";

function problemsOf(value: unknown) {
  const parsed = planDocumentSchema.safeParse(value);
  if (parsed.success) return [];
  return documentProblems(parsed.error).map((p) => `${p.path}: ${p.message}`);
}

describe("planDocumentSchema", () => {
  it("accepts a document with every kind of item and keeps it as it was", () => {
    const doc = planDocument();
    expect(planDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.items.map((i) => i.kind)).toEqual(["walking", "exercise", "exercise", "visit", "education"]);
  });

  it("refuses an empty plan, an unknown kind and a dose that does not fit its kind", () => {
    expect(problemsOf(planDocument({ items: [] }))).toEqual(["items: A plan needs at least one item."]);
    const unknownKind = { ...planDocument(), items: [{ ...tip(1), kind: "yoga" }] };
    expect(problemsOf(unknownKind)[0]).toMatch(/^items\[0\]/);
    // A walking dose on an exercise item: the discriminated union checks the dose against the item's own kind.
    const mixed = { ...planDocument(), items: [{ ...exercise(1, "Bridge"), dose: walk(2).dose }] };
    expect(problemsOf(mixed).some((p) => p.startsWith("items[0].dose."))).toBe(true);
  });

  it("names each problem by its JSON path with the clinician's message", () => {
    const doc = planDocument({ items: [walk(1), tip(2), visit(3), exercise(4, "Bird dog", { reps: 500 })] });
    expect(problemsOf(doc)).toEqual(["items[3].dose.reps: Reps can be at most 100."]);
    expect(problemsOf({ ...planDocument(), weeks: 0, startDate: "2026-02-30" })).toEqual([
      "startDate: Start date must be a real date (YYYY-MM-DD).",
      "weeks: Length must be 1 to 52 weeks.",
    ]);
    expect(problemsOf({ title: "x" })[0]).toMatch(/^format: This is not a Stride plan document/);
  });

  it("refuses visits that run past the end of the plan, and unsafe picture names", () => {
    expect(problemsOf(planDocument({ weeks: 2, items: [visit(1, { spans: [{ perWeek: 2, weeks: 3 }] })] }))).toEqual([
      "items[0].dose.spans: These visits run 3 weeks, but the plan is 2 weeks long.",
    ]);
    const badPicture = exercise(1, "Bridge");
    badPicture.entry.illustration = "../../etc/passwd";
    expect(problemsOf(planDocument({ items: [badPicture] }))[0]).toMatch(/^items\[0\]\.entry\.illustration:/);
  });

  it("refuses a snapshot whose category belongs to another kind", () => {
    const wrong = { ...walk(1), entry: { ...walk(1).entry, category: "stretch" } };
    expect(problemsOf(planDocument({ items: [wrong as never] }))[0]).toMatch(/^items\[0\]\.entry\.category:/);
  });
});

describe("document helpers", () => {
  it("writes zod paths the way people read them", () => {
    expect(jsonPath(["items", 3, "dose", "reps"])).toBe("items[3].dose.reps");
    expect(jsonPath([])).toBe("");
  });

  it("gives equal documents the same canonical text whatever the key order", () => {
    const doc = planDocument();
    const shuffled = { ...doc, items: doc.items.map((it) => Object.fromEntries(Object.entries(it).reverse()) as typeof it) };
    expect(canonicalDocument(shuffled)).toBe(canonicalDocument(doc));
    expect(canonicalDocument(planDocument({ weeks: 7 }))).not.toBe(canonicalDocument(doc));
  });

  it("drops one database's ids for comparing exports", () => {
    const bare = withoutIds(planDocument());
    expect(bare.items.every((i) => i.itemId === null && i.entry.libraryEntryId === null)).toBe(true);
  });

  it("ticks only exercises and walks", () => {
    expect(planDocument().items.map(isTickable)).toEqual([true, true, true, false, false]);
  });
});

describe("describeDose", () => {
  it("words every kind of item", () => {
    expect(describeDose(walk(1))).toBe(
      "Walk for 10 minutes. Do this once a day, 5 days a week. Go at a pace where you can talk but not sing. Add 5 minutes each week, up to 30 minutes.",
    );
    expect(describeDose(walk(1), { weekMinutes: 20 })).toBe(
      "Walk for 20 minutes. Do this once a day, 5 days a week. Go at a pace where you can talk but not sing.",
    );
    expect(describeDose(exercise(1, "Glute bridge", { sets: 2, reps: 10 }))).toBe("Do 2 rounds of 10 repeats. Do this once a day, every day.");
    expect(
      describeDose(
        visit(1, {
          spans: [
            { perWeek: 3, weeks: 2 },
            { perWeek: 1, weeks: 4 },
          ],
        }),
      ),
    ).toBe("Come in 3 times a week for 2 weeks, then once a week for 4 weeks.");
    expect(describeDose(tip(1))).toBe("");
  });

  it("says 'each side' for an exercise worked one side at a time, and only then", () => {
    expect(describeDose(exercise(1, "Bird dog", { sets: 2, reps: 8 }, true))).toBe(
      "Do 2 rounds of 8 repeats, each side. Do this once a day, every day.",
    );
    expect(describeDose(exercise(1, "Bridge", { sets: 2, reps: 8 }, false))).toBe("Do 2 rounds of 8 repeats. Do this once a day, every day.");
    expect(describeDose(exercise(1, "Bird dog", { side: "left" }, true))).toBe(
      "Do 10 repeats, on the left side only. Do this once a day, every day.",
    );
  });
});

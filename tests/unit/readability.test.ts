import { describe, expect, it } from "vitest";
import { starterLibrary } from "@/db/seed/library";
import { countSyllables, fleschKincaidGrade, textStats } from "@/lib/readability";
import { urgentSigns } from "@/lib/urgent-signs";
import { WALKING_MOVE_UP_RULE } from "@/lib/walking-progression";

const MAX_GRADE = 6;

describe("the syllable counter", () => {
  it("counts everyday words the way they are said", () => {
    const cases: [string, number][] = [
      ["the", 1],
      ["stretch", 1],
      ["make", 1],
      ["walked", 1],
      ["shapes", 1],
      ["knee", 1],
      ["needed", 2],
      ["ankle", 2],
      ["people", 2],
      ["tingling", 2],
      ["boxes", 2],
      ["pushes", 2],
      ["exercise", 3],
      ["therapist", 3],
      ["emergency", 4],
      ["abdominal", 4],
      ["911", 3],
    ];
    for (const [word, n] of cases) expect(countSyllables(word), word).toBe(n);
  });

  it("counts sentences, words and syllables, one sentence at least per line", () => {
    expect(textStats(["Lie on your back. Bend your knees.", "Breathe out"])).toEqual({ sentences: 3, words: 9, syllables: 9 });
  });

  it("rates plain text low and dense clinical text high", () => {
    expect(fleschKincaidGrade(["Lie on your back. Bend your knees. Hold for 5 seconds."])).toBeLessThan(2);
    expect(
      fleschKincaidGrade([
        "Perform posterior pelvic rotation with concurrent abdominal activation, maintaining lumbopelvic neutrality throughout the prescribed repetitions.",
      ]),
    ).toBeGreaterThan(MAX_GRADE + 6);
  });
});

describe("patient text reads at grade 6 or below", () => {
  it.each(starterLibrary.map((e) => [e.slug, e] as const))("%s", (_slug, e) => {
    const note = "note" in e.defaultDose && e.defaultDose.note ? [e.defaultDose.note] : [];
    expect(fleschKincaidGrade([e.summary, ...e.steps, ...e.cautions, ...note])).toBeLessThanOrEqual(MAX_GRADE);
  });

  it("the urgent signs and the walking rule", () => {
    const { emergency, callUs } = urgentSigns({ neck: true });
    expect(fleschKincaidGrade([emergency.title, ...emergency.signs])).toBeLessThanOrEqual(MAX_GRADE);
    expect(fleschKincaidGrade([callUs.title, ...callUs.signs])).toBeLessThanOrEqual(MAX_GRADE);
    expect(fleschKincaidGrade([WALKING_MOVE_UP_RULE])).toBeLessThanOrEqual(MAX_GRADE);
  });
});

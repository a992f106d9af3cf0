import { describe, expect, it } from "vitest";
import { starterLibrary } from "@/db/seed/library";
import { starterConflicts, starterPlainNames } from "@/db/seed/library/precaution-conflicts";
import type { WalkingDose } from "@/lib/dose";
import { patientName } from "@/lib/library";
import { describeConflicts, gentlerWalkFor, itemConflicts, precautionKinds } from "@/lib/precautions";

describe("itemConflicts", () => {
  it("lists only the precautions both the patient and the entry name, in a fixed order, with a reason", () => {
    const conflicts = itemConflicts(["spinal-stenosis", "pregnancy"], ["pregnancy", "fall-risk", "spinal-stenosis"]);
    expect(conflicts.map((c) => c.precaution)).toEqual(["pregnancy", "spinal-stenosis"]);
    expect(conflicts[0].label).toBe("Pregnancy");
    expect(describeConflicts(conflicts)).toMatch(/^Pregnancy: lying flat on the back after about 20 weeks.*\. Spinal stenosis: /);
    expect(itemConflicts(["pregnancy"], [])).toEqual([]);
    expect(itemConflicts([], [...precautionKinds])).toEqual([]);
  });
});

describe("gentlerWalkFor", () => {
  const walk: WalkingDose = {
    minutes: 10,
    sessionsPerDay: 1,
    daysPerWeek: 5,
    intensity: "talk-test",
    rpe: null,
    stepMinutes: 5,
    capMinutes: 30,
    note: "",
  };
  it("adds 2 minutes a week instead of the default for balance or heart precautions", () => {
    expect(gentlerWalkFor(walk, ["fall-risk"]).stepMinutes).toBe(2);
    expect(gentlerWalkFor(walk, ["heart-condition"]).stepMinutes).toBe(2);
    expect(gentlerWalkFor(walk, ["osteoporosis"])).toBe(walk);
    expect(gentlerWalkFor({ ...walk, stepMinutes: 1 }, ["fall-risk"]).stepMinutes).toBe(1);
    expect(gentlerWalkFor({ ...walk, stepMinutes: null }, ["fall-risk"]).stepMinutes).toBeNull();
  });
});

describe("starter library precautions", () => {
  const bySlug = new Map(starterLibrary.map((e) => [e.slug, e]));
  it("names only entries that exist", () => {
    for (const slug of [...Object.keys(starterConflicts), ...Object.keys(starterPlainNames)]) expect(bySlug.has(slug), slug).toBe(true);
  });

  it("flags the entries the clinical review named", () => {
    const has = (slug: string, p: string) => expect(bySlug.get(slug)?.conflictsWith, `${slug} / ${p}`).toContain(p);
    for (const slug of ["knee-to-chest-stretch", "childs-pose", "cat-camel", "seated-hamstring-stretch", "lumbar-rotation", "open-book-rotation"])
      has(slug, "osteoporosis");
    for (const slug of ["prone-press-up", "front-plank-knees", "side-plank-knees", "side-plank-feet", "glute-bridge", "dead-bug"])
      has(slug, "pregnancy");
    for (const slug of ["piriformis-stretch", "knee-to-chest-stretch", "clamshell"]) has(slug, "hip-replacement");
    has("prone-press-up", "spinal-stenosis");
  });

  it("gives jargon names a plain subtitle", () => {
    expect(patientName(bySlug.get("piriformis-stretch")!)).toBe("Piriformis stretch (figure 4) — buttock stretch");
    expect(patientName(bySlug.get("upper-trapezius-stretch")!)).toBe("Upper trapezius stretch — side-of-neck stretch");
    expect(patientName(bySlug.get("sit-to-stand")!)).toBe("Sit to stand");
  });
});

import { describe, expect, it } from "vitest";
import { starterLibrary } from "@/db/seed/library";
import {
  callUsTier,
  emergencyTier,
  neckSigns,
  planHasNeckCare,
  telHref,
  urgentSigns,
  urgentSignsForItems,
  urgentSignsForPlan,
} from "@/lib/urgent-signs";

describe("urgent signs in two tiers", () => {
  it("puts cauda-equina, chest and stroke signs in the 911 tier, not the call-us tier", () => {
    const { emergency, callUs } = urgentSigns({ neck: false });
    expect(emergency.title).toBe("Call 911 or go to the emergency room now");
    expect(callUs.title).toBe("Stop and call us today");
    const e = emergency.signs.join(" ");
    for (const words of ["groin or inner thighs", "bladder or bowel", "both legs", "does not ease with rest", "face drooping", "double vision"])
      expect(e).toContain(words);
    const c = callUs.signs.join(" ");
    for (const words of ["down a leg", "numbness or tingling", "Fever", "weight loss", "fall", "at night", "after an exercise"])
      expect(c).toContain(words);
    expect(c).not.toMatch(/groin|bladder|bowel|stroke/);
  });

  it("adds the neck signs to the call-us tier only for plans that work on the neck", () => {
    expect(urgentSigns({ neck: false }).callUs.signs).not.toContain(neckSigns[0]);
    expect(urgentSigns({ neck: true }).callUs.signs).toEqual([...callUsTier.signs, ...neckSigns]);
    expect(urgentSigns({ neck: true }).emergency.signs).toEqual([...emergencyTier.signs]);
  });

  it("counts neck exercises and chiropractic visits as neck care, not tips or other visits that merely list the neck", () => {
    expect(planHasNeckCare([{ kind: "exercise", bodyRegions: ["neck"] }])).toBe(true);
    expect(planHasNeckCare([{ kind: "visit", bodyRegions: ["low-back"], visitType: "chiropractic-adjustment" }])).toBe(true);
    expect(planHasNeckCare([{ kind: "education", bodyRegions: ["neck", "low-back"] }])).toBe(false);
    expect(planHasNeckCare([{ kind: "visit", bodyRegions: ["neck"], visitType: "physical-therapy" }])).toBe(false);
    expect(planHasNeckCare([{ kind: "exercise", bodyRegions: ["low-back", "hips"] }])).toBe(false);
    expect(urgentSignsForItems([{ kind: "exercise", bodyRegions: ["neck"] }]).callUs.signs).toContain("Clumsy hands.");
  });

  it("reads a plan's visit type from the visit dose", () => {
    const entry = {
      libraryEntryId: null,
      slug: null,
      name: "Visit",
      plainName: "",
      category: "visit" as const,
      bodyRegions: ["low-back" as const],
      summary: "",
      steps: [],
      cautions: [],
      illustration: null,
      illustrationAlt: "",
      oneSided: false,
    };
    const chiro = {
      kind: "visit" as const,
      itemId: null,
      dose: { visitType: "chiropractic-adjustment" as const, spans: [{ perWeek: 1, weeks: 1 }], note: "" },
      entry,
    };
    const massage = { ...chiro, dose: { ...chiro.dose, visitType: "massage" as const } };
    expect(urgentSignsForPlan([chiro]).callUs.signs).toContain("Clumsy hands.");
    expect(urgentSignsForPlan([massage]).callUs.signs).not.toContain("Clumsy hands.");
  });

  it("makes a tel: link from a written phone number", () => {
    expect(telHref("(555) 010-4477")).toBe("tel:5550104477");
    expect(telHref("+44 20 7946 0000")).toBe("tel:+442079460000");
  });
});

/** Signs that belong to the 911 tier; any starter text that names one must send the patient to 911. */
const emergencyMentions = [/chest pain/i, /bladder|bowel/i, /passing urine/i, /numb\w*[^.]*groin/i, /both legs|leg weakness/i, /stroke/i];

describe("the starter library agrees with the tiers", () => {
  const lines = starterLibrary.flatMap((e) => [...e.steps, ...e.cautions, e.summary].map((text) => ({ slug: e.slug, text })));

  it("sends every mention of an emergency sign to 911", () => {
    const wrong = lines.filter((l) => emergencyMentions.some((re) => re.test(l.text)) && !/911/.test(l.text));
    expect(wrong).toEqual([]);
  });

  it("never offers urgent care as the answer to an urgent sign", () => {
    expect(lines.filter((l) => /urgent care/i.test(l.text))).toEqual([]);
  });
});

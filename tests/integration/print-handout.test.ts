import { describe, expect, it } from "vitest";
import { handoutCache, handoutCacheKey, renderHandout, type HandoutInputs } from "@/app/(print)/_lib/print-html";
import { versionForHandout } from "@/db/queries/plan-versions";
import { createPatient } from "@/db/queries/patients";
import { addPlanItem, createPlan } from "@/db/queries/plans";
import { todayIn } from "@/lib/calendar-date";
import { patientSchema } from "@/lib/schemas/patient";
import { planSchema } from "@/lib/schemas/plan";
import { newShareToken } from "@/lib/share-token";
import { entryId, staff, uniqueName } from "./helpers";

function printedPlan(title = "Knees & <b>hips</b>") {
  const patientId = createPatient({ actor: staff, input: patientSchema.parse({ name: uniqueName("Print cache") }) }).id;
  const planId = createPlan({ actor: staff, patientId, input: planSchema.parse({ title, startDate: todayIn("UTC"), weeks: "4" }) }).id;
  addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") });
  return versionForHandout({ actor: staff, planId, purpose: "print" });
}

const clinic = {
  name: "Harbour Physio",
  phone: "555 0101",
  hasLogo: false,
  handoutFooter: "See you soon.",
  address: "1 Quay St",
  email: "desk@harbour.example",
  website: "harbour.example",
};

describe("the printed handout's render cache", () => {
  it("has a different key when any input of the markup changes, and the same key for the same inputs", () => {
    const version = printedPlan();
    const base: HandoutInputs = { version, clinic, size: "standard", query: {}, link: null };
    const link = { baseUrl: "https://clinic.example", token: newShareToken() };
    const variants: HandoutInputs[] = [
      base,
      { ...base, version: { ...version, number: version.number + 1 } },
      { ...base, version: { ...version, planId: version.planId + 1 } },
      { ...base, version: { ...version, patientName: "Renamed Patient" } },
      { ...base, version: { ...version, issuedByName: "Someone else" } },
      { ...base, version: { ...version, issuedAt: new Date(0) } },
      ...(Object.keys(clinic) as (keyof typeof clinic)[]).map((field) => ({
        ...base,
        clinic: { ...clinic, [field]: typeof clinic[field] === "boolean" ? !clinic[field] : `${clinic[field]} changed` },
      })),
      { ...base, size: "large" },
      { ...base, query: { version: String(version.number) } },
      { ...base, query: { link: "not-a-live-link" } },
      { ...base, link },
      { ...base, link: { ...link, token: newShareToken() } },
      { ...base, link: { ...link, baseUrl: "https://other.example" } },
    ];
    const keys = variants.map(handoutCacheKey);
    expect(new Set(keys).size).toBe(variants.length);
    expect(handoutCacheKey({ ...base, version: { ...version } })).toBe(keys[0]);
    // The document is named by plan and version number, not copied into every key.
    expect(keys[0]).not.toContain("glute");
  });

  it("renders one HTML document with its styles and one script waiting for the nonce, escapes what staff typed, and draws the QR code only on a miss", async () => {
    const version = printedPlan();
    const token = newShareToken();
    const inputs: HandoutInputs = { version, clinic, size: "standard", query: { link: token }, link: { baseUrl: "https://clinic.example", token } };
    const misses = handoutCache.misses;
    const html = await renderHandout(inputs);
    expect(handoutCache.misses).toBe(misses + 1);
    expect(html.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
    expect(html).toContain("<title>Handout · Stride</title>");
    expect(html).toContain("Knees &amp; &lt;b&gt;hips&lt;/b&gt;");
    expect(html).toMatch(/<style>[^<]*\.handout-root/);
    expect(html).toContain('<img src="data:image/png;base64,');
    expect(html).toContain("https://clinic.example/p/ ");
    expect(html).toContain(`href="/plans/${version.planId}/print?link=${token}&amp;size=large"`);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="stride-nonce-mark">');

    // A hit: the same text, no render, so no QR code drawn.
    const hits = handoutCache.hits;
    expect(await renderHandout({ ...inputs, version: { ...version } })).toBe(html);
    expect([handoutCache.hits, handoutCache.misses]).toEqual([hits + 1, misses + 1]);
  });
});

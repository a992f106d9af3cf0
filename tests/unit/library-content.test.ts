import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { starterLibrary } from "@/db/seed/library";

const dir = path.join(process.cwd(), "public", "illustrations");
const bySlug = new Map(starterLibrary.map((e) => [e.slug, e]));
const all = (slug: string) => {
  const e = bySlug.get(slug);
  if (!e) throw new Error(`no starter entry ${slug}`);
  return [e.summary, ...e.steps, ...e.cautions].join(" ");
};

describe("starter illustrations", () => {
  it("gives every entry its own drawing, and no two drawings are the same", () => {
    const files = starterLibrary.map((e) => e.illustration);
    expect(new Set(files).size).toBe(files.length);
    const svgs = fs.readdirSync(dir).filter((f) => f.endsWith(".svg"));
    for (const f of files) expect(svgs, f).toContain(f);
    const hashes = new Map<string, string>();
    for (const f of svgs) {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      expect(text, f).toMatch(/<title>[^<]+<\/title>/);
      // Compare the drawing without its title, so a copy with a new name still counts as the same.
      const hash = createHash("sha256")
        .update(text.replace(/<title>[^<]*<\/title>/, ""))
        .digest("hex");
      expect(hashes.get(hash), `${f} draws the same as ${hashes.get(hash)}`).toBeUndefined();
      hashes.set(hash, f);
    }
  });

  it("describes every drawing in words", () => {
    for (const e of starterLibrary) expect(e.illustrationAlt.length, e.slug).toBeGreaterThan(20);
  });
});

describe("starter content from the clinical review", () => {
  it("adds the third of the big three and three walking tips", () => {
    expect(bySlug.get("mcgill-curl-up")).toMatchObject({ category: "strengthen", name: "McGill curl-up" });
    expect(bySlug.get("why-walking-helps")?.name).toBe("Why walking helps your back");
    expect(bySlug.get("walking-bad-weather")?.name).toBe("Walking when the weather is bad");
    expect(bySlug.get("after-your-plan-ends")?.name).toBe("After your plan ends");
    for (const slug of ["mcgill-curl-up", "why-walking-helps", "walking-bad-weather", "after-your-plan-ends"])
      expect(bySlug.get(slug)!.cautions.length, slug).toBeGreaterThan(0);
  });

  it("tells walkers that resting or leaning forward is fine when the legs ache", () => {
    for (const slug of ["steady-walk", "interval-walk"])
      expect(all(slug)).toContain("If your legs ache when you walk far, sitting or leaning forward to rest is fine.");
  });

  it("gives current lifting advice instead of a long straight back", () => {
    const text = all("safe-lifting");
    expect(text).not.toMatch(/long and straight|straight back/i);
    expect(text).toMatch(/no single right way/i);
    expect(text).toMatch(/near your body|close to/i);
    expect(text).toMatch(/relaxed/);
  });

  it("warns that soreness after an adjustment is common and that stroke signs are an emergency", () => {
    const text = all("chiropractic-adjustment");
    expect(text).toMatch(/sore or stiff for a day or two/);
    expect(text).toMatch(/Call 911[^.]*stroke/);
  });
});

import { describe, expect, it } from "vitest";
import { createCustomEntry, getLibraryEntry, listLibraryEntries, setEntryRetired, updateCustomEntry } from "@/db/queries/library";
import { RuleError } from "@/lib/errors";
import { libraryEntrySchema } from "@/lib/schemas/library-entry";
import { ForbiddenError } from "@/lib/authz";
import { admin, entryId, staff, uniqueName } from "./helpers";

describe("library", () => {
  it("searches by words, category and body region", () => {
    const neck = listLibraryEntries({ actor: staff, region: "neck" });
    expect(neck.length).toBeGreaterThan(2);
    expect(neck.every((e) => e.bodyRegions.includes("neck"))).toBe(true);
    const stretches = listLibraryEntries({ actor: staff, category: "stretch" });
    expect(stretches.every((e) => e.category === "stretch")).toBe(true);
    expect(
      listLibraryEntries({ actor: staff, q: "BRIDGE" })
        .map((e) => e.name)
        .join(" "),
    ).toMatch(/bridge/i);
    expect(listLibraryEntries({ actor: staff, q: "zzqqxx" })).toEqual([]);
    // The plain subtitle finds the jargon name.
    expect(listLibraryEntries({ actor: staff, q: "side-of-neck" }).map((e) => e.name)).toEqual(["Upper trapezius stretch"]);
  });

  it("lets an admin add, edit and retire a custom entry, but not starter ones", () => {
    const name = uniqueName("Towel neck glide");
    const input = libraryEntrySchema.parse({
      name,
      category: "mobility",
      bodyRegions: ["neck"],
      summary: "Gentle neck movement",
      steps: "1. Sit tall.\n2. Slide your head back.\n\n",
      cautions: "",
    });
    expect(input.steps).toEqual(["Sit tall.", "Slide your head back."]);
    expect(() => createCustomEntry({ actor: staff, input })).toThrow(ForbiddenError);
    const { id } = createCustomEntry({ actor: admin, input });
    expect(getLibraryEntry({ actor: admin, id })).toMatchObject({ name, source: "custom", kind: "exercise" });

    updateCustomEntry({ actor: admin, id, version: 1, input: { ...input, summary: "Changed" } });
    expect(getLibraryEntry({ actor: admin, id }).summary).toBe("Changed");
    expect(() => updateCustomEntry({ actor: admin, id, version: 2, input: { ...input, category: "walking" } })).toThrow(RuleError);

    setEntryRetired({ actor: admin, id, retired: true });
    expect(listLibraryEntries({ actor: admin, q: name })).toEqual([]);
    expect(listLibraryEntries({ actor: admin, q: name, retired: true }).map((e) => e.id)).toEqual([id]);

    const starter = entryId("glute-bridge");
    expect(() => updateCustomEntry({ actor: admin, id: starter, version: 1, input })).toThrow(RuleError);
    expect(() => setEntryRetired({ actor: admin, id: starter, retired: true })).toThrow(RuleError);
  });

  it("explains a custom entry with no name, steps or region", () => {
    const r = libraryEntrySchema.safeParse({ name: "", category: "stretch", bodyRegions: [], steps: "  \n ", cautions: "" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["name", "bodyRegions", "steps"]));
  });
});

describe("library search at the index", () => {
  it("matches words by their start and forgives a typo or two", () => {
    const names = (q: string) => listLibraryEntries({ actor: staff, q }).map((e) => e.name.toLowerCase());
    expect(names("hams").some((n) => n.includes("hamstring"))).toBe(true);
    expect(names("hamstrng").some((n) => n.includes("hamstring"))).toBe(true);
    expect(names("brdige").some((n) => n.includes("bridge"))).toBe(true);
    expect(names("hamstring stretch").every((n) => n.includes("hamstring"))).toBe(true);
    expect(names("qqqqqqqq")).toEqual([]);
    // Punctuation and quotes are only separators, never query syntax.
    expect(() => names('bridge" OR "x')).not.toThrow();
    expect(names('"bridge"').some((n) => n.includes("bridge"))).toBe(true);
  });

  it("keeps the index in step with new and edited custom entries", () => {
    const name = uniqueName("Zephyrine towel slide");
    const input = libraryEntrySchema.parse({ name, category: "mobility", bodyRegions: ["neck"], summary: "", steps: "Slide.", cautions: "" });
    const { id } = createCustomEntry({ actor: admin, input });
    expect(listLibraryEntries({ actor: staff, q: "zephyrine" }).map((e) => e.id)).toEqual([id]);
    expect(listLibraryEntries({ actor: staff, q: "zephyrne" }).map((e) => e.id)).toEqual([id]);
    updateCustomEntry({ actor: admin, id, version: 1, input: { ...input, name: uniqueName("Quillon towel slide") } });
    expect(listLibraryEntries({ actor: staff, q: "zephyrine" })).toEqual([]);
    expect(listLibraryEntries({ actor: staff, q: "quillon" }).map((e) => e.id)).toEqual([id]);
  });
});

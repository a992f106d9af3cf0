import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { planDocumentJsonSchema } from "@/lib/plan-document-json-schema";

describe("docs/plan-document.schema.json", () => {
  it("is the schema generated from the zod schema (run npm run schema:docs after changing it)", () => {
    const committed = fs.readFileSync(path.join(process.cwd(), "docs", "plan-document.schema.json"), "utf8");
    expect(committed).toBe(planDocumentJsonSchema());
  });

  it("describes every field of the document in docs/plan-document.md", () => {
    const doc = fs.readFileSync(path.join(process.cwd(), "docs", "plan-document.md"), "utf8");
    const schema = JSON.parse(planDocumentJsonSchema()) as { properties: Record<string, unknown> };
    for (const field of [
      ...Object.keys(schema.properties),
      "itemId",
      "kind",
      "dose",
      "entry",
      "libraryEntryId",
      "slug",
      "oneSided",
      "illustrationAlt",
    ])
      expect(doc, `docs/plan-document.md mentions ${field}`).toContain(`\`${field}\``);
  });
});

import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/schemas/auth";

describe("where sign-in may send you next", () => {
  it("keeps paths on this site, with their query", () => {
    expect(safeNextPath("/plans/12")).toBe("/plans/12");
    expect(safeNextPath("/patients?q=ann&page=2")).toBe("/patients?q=ann&page=2");
  });

  it("refuses every way out to another host", () => {
    for (const evil of [
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "https://evil.example",
      "evil",
      "/%2F%2Fevil.example/..//x",
      "",
      42,
      null,
    ])
      expect(new URL(safeNextPath(evil), "http://stride.test").host, String(evil)).toBe("stride.test");
  });

  it("does not loop back to sign-in or setup", () => {
    expect(safeNextPath("/sign-in?next=/x")).toBe("/patients");
    expect(safeNextPath("/setup")).toBe("/patients");
  });
});

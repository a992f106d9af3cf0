import { describe, expect, it } from "vitest";
import { patientLogSchema } from "@/lib/schemas/patient-log";

describe("what a patient's link page may post", () => {
  it("takes a pain score only as a whole number from 0 to 10", () => {
    for (let n = 0; n <= 10; n++) expect(patientLogSchema.parse({ kind: "pain", score: String(n) })).toEqual({ kind: "pain", score: n, comment: "" });
    for (const bad of ["", " ", "11", "-1", "7.5", "5.0", "1e1", "0x5", " 5", "five", undefined])
      expect(patientLogSchema.safeParse({ kind: "pain", score: bad }).success, String(bad)).toBe(false);
  });

  it("takes an item id only as a plain positive whole number", () => {
    expect(patientLogSchema.parse({ kind: "done", itemId: "12" })).toEqual({ kind: "done", itemId: 12 });
    for (const bad of ["", "0", "-3", "1.5", "12abc", undefined])
      expect(patientLogSchema.safeParse({ kind: "undo", itemId: bad }).success, String(bad)).toBe(false);
  });

  it("refuses an unknown kind and an over-long comment", () => {
    expect(patientLogSchema.safeParse({ kind: "delete", itemId: "1" }).success).toBe(false);
    expect(patientLogSchema.safeParse({ kind: "pain", score: "3", comment: "x".repeat(301) }).success).toBe(false);
  });
});

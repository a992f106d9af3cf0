import { describe, expect, it } from "vitest";
import { cssString, diaryWeeks, handoutSize, shortPatientName } from "@/lib/handout-layout";

describe("handout layout helpers", () => {
  it("shortens the patient's name to first name and last initial", () => {
    expect(shortPatientName("Maria Ortega")).toBe("Maria O.");
    expect(shortPatientName("  ana  de la cruz ")).toBe("ana C.");
    expect(shortPatientName("Cher")).toBe("Cher");
    expect(shortPatientName("")).toBe("");
  });

  it("writes a CSS string that nothing in the text can break out of", () => {
    expect(cssString("Maria O. · page ")).toBe('"Maria O. · page "');
    const nasty = cssString('a"b\\c</style><script>;}');
    expect(nasty.slice(1, -1)).not.toMatch(/["\\<>;{}]\s*(?![0-9a-f])/);
    expect(nasty).not.toContain("</style");
    expect(nasty).not.toContain('a"');
    expect(cssString("line\nbreak")).toBe('"line break"');
  });

  it("covers every week of a plan up to 6 weeks, else 4 weeks and a keep-going line", () => {
    expect(diaryWeeks(1)).toEqual({ weeks: 1, keepGoing: false });
    expect(diaryWeeks(6)).toEqual({ weeks: 6, keepGoing: false });
    expect(diaryWeeks(7)).toEqual({ weeks: 4, keepGoing: true });
    expect(diaryWeeks(52)).toEqual({ weeks: 4, keepGoing: true });
  });

  it("reads the size parameter, defaulting to standard", () => {
    expect(handoutSize("large")).toBe("large");
    expect(handoutSize(undefined)).toBe("standard");
    expect(handoutSize(["large"])).toBe("standard");
    expect(handoutSize("huge")).toBe("standard");
  });
});

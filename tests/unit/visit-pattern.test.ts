import { describe, expect, it } from "vitest";
import { formatVisitPattern, parseVisitPattern } from "@/lib/visit-pattern";

describe("a visit pattern in one line", () => {
  it("reads the words a clinician types, and writes them back the same way", () => {
    const spans = [
      { perWeek: 3, weeks: 2 },
      { perWeek: 1, weeks: 4 },
    ];
    expect(parseVisitPattern("3 a week for 2 weeks, then 1 a week for 4 weeks")).toEqual({ ok: true, spans });
    expect(formatVisitPattern(spans)).toBe("3 a week for 2 weeks, then 1 a week for 4 weeks");
    expect(parseVisitPattern(formatVisitPattern(spans))).toEqual({ ok: true, spans });
  });

  it("takes short forms and everyday words", () => {
    expect(parseVisitPattern("3x2; 1x4")).toEqual({
      ok: true,
      spans: [
        { perWeek: 3, weeks: 2 },
        { perWeek: 1, weeks: 4 },
      ],
    });
    expect(parseVisitPattern("3 a week for 2 weeks then weekly for 4 weeks")).toEqual({
      ok: true,
      spans: [
        { perWeek: 3, weeks: 2 },
        { perWeek: 1, weeks: 4 },
      ],
    });
    expect(parseVisitPattern("twice a week for 1 week")).toEqual({ ok: true, spans: [{ perWeek: 2, weeks: 1 }] });
    expect(formatVisitPattern([{ perWeek: 2, weeks: 1 }])).toBe("2 a week for 1 week");
  });

  it("refuses a part without exactly two whole numbers, naming that part", () => {
    const result = parseVisitPattern("3 a week for 2 weeks, then 1 a week");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain('"1 a week"');
    expect(parseVisitPattern("").ok).toBe(false);
    expect(parseVisitPattern("1.5 a week for 2 weeks").ok).toBe(false);
  });
});

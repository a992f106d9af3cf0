import { describe, expect, it } from "vitest";
import {
  compareToBaseline,
  describeChange,
  formatMeasureScore,
  importantChangeBand,
  measureAnswerSchemas,
  measureRecordSchema,
  measures,
  parseAndScore,
  unflattenForm,
} from "@/lib/measures";
import { ndiBand, ndiPercent, scoreNdi } from "@/lib/measures/ndi";
import { odiBand, scoreOdi } from "@/lib/measures/odi";
import { nprsBand, scorePeg, scorePsfs, scoreRmdq } from "@/lib/measures/simple";
import { rmdqWording } from "@/lib/measures/wording";
import { fieldErrorsOf } from "@/lib/action-result";

const ten = (v: number | null) => Array.from({ length: 10 }, () => v);

describe("ODI 2.1a", () => {
  it("scores all zeros as 0 % and all fives as 100 %", () => {
    expect(scoreOdi(ten(0))).toBe(0);
    expect(scoreOdi(ten(5))).toBe(100);
  });

  it("matches the published worked example: 16 points over 10 sections is 32 %", () => {
    expect(scoreOdi([3, 2, 1, 2, 1, 2, 1, 1, 2, 1])).toBe(32);
  });

  it("multiplies before dividing: 7 points over 10 sections is exactly 14, not 14.000000000000002", () => {
    expect((7 / 50) * 100).not.toBe(14);
    expect(scoreOdi([1, 1, 1, 1, 1, 1, 1, 0, 0, 0])).toBe(14);
  });

  it("divides by the answered sections only: 2 missing is the limit, 3 gives no score", () => {
    // 16 points over 8 answered sections: 16 × 100 / 40 = 40.
    expect(scoreOdi([3, 2, 1, 2, 1, 2, 3, 2, null, null])).toBe(40);
    // 9 answered: full precision kept (21 × 100 / 45).
    expect(scoreOdi([3, 2, 2, 2, 2, 2, 3, 3, 2, null])).toBe(2100 / 45);
    expect(scoreOdi([3, 2, 1, 2, 1, 2, 3, null, null, null])).toBeNull();
    expect(scoreOdi(ten(null))).toBeNull();
  });

  it("puts each band boundary in exactly one band (upper-closed)", () => {
    expect(odiBand(0)).toBe("Minimal disability");
    expect(odiBand(20)).toBe("Minimal disability");
    expect(odiBand(20.000001)).toBe("Moderate disability");
    expect(odiBand(2100 / 45 - 26)).toBe("Moderate disability"); // 20.67, between the published 20 and 21
    expect(odiBand(40)).toBe("Moderate disability");
    expect(odiBand(40.5)).toBe("Severe disability");
    expect(odiBand(60)).toBe("Severe disability");
    expect(odiBand(61)).toBe("Crippling back pain");
    expect(odiBand(80)).toBe("Crippling back pain");
    expect(odiBand(81)).toBe("Bed-bound");
    expect(odiBand(100)).toBe("Bed-bound");
  });
});

describe("NDI", () => {
  it("scores all zeros as 0 and all fives as 50 (100 %)", () => {
    expect(scoreNdi(ten(0))).toBe(0);
    expect(scoreNdi(ten(5))).toBe(50);
    expect(ndiPercent(50)).toBe(100);
  });

  it("gives a missing item the mean of the answered items, up to 2 missing", () => {
    // 18 over 9 items: mean 2, so raw 20.
    expect(scoreNdi([2, 2, 2, 2, 2, 2, 2, 2, 2, null])).toBe(20);
    // 17 over 8 items: 17 × 10 / 8 = 21.25.
    expect(scoreNdi([3, 2, 2, 2, 2, 2, 2, 2, null, null])).toBe(21.25);
    expect(scoreNdi([3, 2, 2, 2, 2, 2, 2, null, null, null])).toBeNull();
  });

  it("multiplies before dividing: 7 of 50 is 14 %", () => {
    expect(ndiPercent(scoreNdi([1, 1, 1, 1, 1, 1, 1, 0, 0, 0])!)).toBe(14);
  });

  it("bands the raw score at each boundary", () => {
    expect(ndiBand(0)).toBe("No disability");
    expect(ndiBand(4)).toBe("No disability");
    expect(ndiBand(40 / 9)).toBe("Mild disability"); // 4.44 from a missing item
    expect(ndiBand(5)).toBe("Mild disability");
    expect(ndiBand(14)).toBe("Mild disability");
    expect(ndiBand(15)).toBe("Moderate disability");
    expect(ndiBand(24)).toBe("Moderate disability");
    expect(ndiBand(24.5)).toBe("Severe disability");
    expect(ndiBand(34)).toBe("Severe disability");
    expect(ndiBand(35)).toBe("Complete disability");
    expect(ndiBand(50)).toBe("Complete disability");
  });
});

describe("NPRS, PSFS, RMDQ, PEG", () => {
  it("bands the pain rating 0 / 1-3 / 4-6 / 7-10", () => {
    expect([0, 1, 3, 4, 6, 7, 10].map(nprsBand)).toEqual([
      "No pain",
      "Mild pain",
      "Mild pain",
      "Moderate pain",
      "Moderate pain",
      "Severe pain",
      "Severe pain",
    ]);
  });

  it("takes the PSFS mean of 1 to 5 activities", () => {
    expect(scorePsfs({ activities: [{ activity: "Lift my son", rating: 4 }] })).toBe(4);
    expect(scorePsfs({ activities: [1, 2, 2].map((rating) => ({ activity: "x", rating })) })).toBe(5 / 3);
    expect(scorePsfs({ activities: [0, 0, 0, 0, 0].map((rating) => ({ activity: "x", rating })) })).toBe(0);
    expect(scorePsfs({ activities: [10, 10, 10, 10, 10].map((rating) => ({ activity: "x", rating })) })).toBe(10);
  });

  it("counts RMDQ ticks from 0 to 24, with 24 statements shipped", () => {
    expect(rmdqWording.statements).toHaveLength(24);
    expect(scoreRmdq({ ticked: Array(24).fill(false) })).toBe(0);
    expect(scoreRmdq({ ticked: Array(24).fill(true) })).toBe(24);
    expect(scoreRmdq({ ticked: Array.from({ length: 24 }, (_, i) => i % 3 === 0) })).toBe(8);
  });

  it("takes the PEG mean of three items", () => {
    expect(scorePeg({ pain: 0, enjoyment: 0, activity: 0 })).toBe(0);
    expect(scorePeg({ pain: 10, enjoyment: 10, activity: 10 })).toBe(10);
    expect(scorePeg({ pain: 7, enjoyment: 5, activity: 6 })).toBe(6);
    expect(scorePeg({ pain: 7, enjoyment: 5, activity: 5 })).toBe(17 / 3);
  });
});

describe("answer schemas", () => {
  it("refuse an ODI section of 6, an NPRS of 11 and a PSFS with 6 activities, with the field's path", () => {
    const odi = measureAnswerSchemas.odi.safeParse({ sections: [6, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
    expect(odi.success).toBe(false);
    expect(Object.keys(fieldErrorsOf(odi.error!))).toEqual(["sections.0"]);
    const nprs = measureAnswerSchemas.nprs.safeParse({ pain: 11 });
    expect(fieldErrorsOf(nprs.error!).pain[0]).toMatch(/0 to 10/);
    expect(measureAnswerSchemas.nprs.safeParse({ pain: 2.5 }).success).toBe(false);
    const six = Array.from({ length: 6 }, (_, i) => ({ activity: `Thing ${i}`, rating: 5 }));
    const psfs = measureAnswerSchemas.psfs.safeParse({ activities: six });
    expect(fieldErrorsOf(psfs.error!).activities[0]).toMatch(/at most 5/);
  });

  it("refuse a third missing ODI or NDI section but take two", () => {
    expect(measureAnswerSchemas.odi.safeParse({ sections: [1, 1, 1, 1, 1, 1, 1, 1, "", ""] }).success).toBe(true);
    const three = measureAnswerSchemas.ndi.safeParse({ sections: [1, 1, 1, 1, 1, 1, 1, "", "", ""] });
    expect(fieldErrorsOf(three.error!).sections[0]).toMatch(/at least 8/);
    expect(measureAnswerSchemas.odi.safeParse({ sections: [1, 1, 1] }).success).toBe(false);
  });

  it("read form fields by their dotted names, dropping blank PSFS rows", () => {
    const form = unflattenForm({
      "activities.0.activity": "Sit through a film",
      "activities.0.rating": "3",
      "activities.1.activity": "",
      "activities.1.rating": "",
      "activities.2.activity": "Garden",
      "activities.2.rating": "5",
    });
    const { answers, score } = parseAndScore("psfs", form);
    expect(answers).toEqual({
      activities: [
        { activity: "Sit through a film", rating: 3 },
        { activity: "Garden", rating: 5 },
      ],
    });
    expect(score).toBe(4);
    const half = measureAnswerSchemas.psfs.safeParse(unflattenForm({ "activities.0.activity": "Garden", "activities.0.rating": "" }));
    expect(Object.keys(fieldErrorsOf(half.error!))).toEqual(["activities.0.rating"]);
    expect(unflattenForm({ "__proto__.x": "1", "sections.999999999": "1" })).toEqual({ sections: [] });
  });

  it("read RMDQ checkboxes, unticked ones absent", () => {
    const { score } = parseAndScore("rmdq", unflattenForm({ "ticked.0": "on", "ticked.23": "on" }));
    expect(score).toBe(2);
    expect(measureAnswerSchemas.rmdq.safeParse({ ticked: Array(25).fill(true) }).success).toBe(false);
  });

  it("check the record's date format and measure name", () => {
    expect(measureRecordSchema.safeParse({ measure: "odi", context: "intake", takenOn: "2026-02-30" }).success).toBe(false);
    expect(measureRecordSchema.safeParse({ measure: "sf36", context: "intake", takenOn: "2026-02-03" }).success).toBe(false);
    expect(measureRecordSchema.safeParse({ measure: "nprs", context: "discharge", takenOn: "2026-02-03" }).success).toBe(true);
  });
});

describe("clinically important change", () => {
  it("ODI: 10 points or 30 %, both ways", () => {
    expect(compareToBaseline(measures.odi.rule, 46, 28)).toMatchObject({ direction: "better", important: true });
    expect(compareToBaseline(measures.odi.rule, 46, 37)).toMatchObject({ direction: "better", important: false });
    expect(compareToBaseline(measures.odi.rule, 46, 36)).toMatchObject({ direction: "better", important: true });
    expect(compareToBaseline(measures.odi.rule, 28, 38)).toMatchObject({ direction: "worse", important: true });
    expect(compareToBaseline(measures.odi.rule, 28, 36)).toMatchObject({ direction: "worse", important: false });
    // 30 % of 20 is 6: smaller than 10, so 6 points is enough from a low baseline.
    expect(compareToBaseline(measures.odi.rule, 20, 14)).toMatchObject({ important: true });
    expect(compareToBaseline(measures.odi.rule, 20, 16)).toMatchObject({ important: false });
    expect(compareToBaseline(measures.odi.rule, 20, 20)).toMatchObject({ direction: "same", important: false });
  });

  it("NDI: 5 raw points, both ways, no relative rule", () => {
    expect(compareToBaseline(measures.ndi.rule, 20, 15)).toMatchObject({ direction: "better", important: true });
    expect(compareToBaseline(measures.ndi.rule, 20, 16)).toMatchObject({ important: false });
    expect(compareToBaseline(measures.ndi.rule, 10, 15)).toMatchObject({ direction: "worse", important: true });
    expect(compareToBaseline(measures.ndi.rule, 10, 14)).toMatchObject({ important: false });
  });

  it("NPRS: 2 points or 30 %", () => {
    expect(compareToBaseline(measures.nprs.rule, 8, 6)).toMatchObject({ direction: "better", important: true });
    expect(compareToBaseline(measures.nprs.rule, 8, 7)).toMatchObject({ important: false });
    expect(compareToBaseline(measures.nprs.rule, 3, 4)).toMatchObject({ direction: "worse", important: true }); // 1 ≥ 30 % of 3
    expect(compareToBaseline(measures.nprs.rule, 0, 1)).toMatchObject({ direction: "worse", important: false }); // no relative rule from 0
    expect(compareToBaseline(measures.nprs.rule, 0, 2)).toMatchObject({ direction: "worse", important: true });
  });

  it("PSFS: 2 points on the mean, higher is better, and a float difference just under 2 still counts", () => {
    expect(compareToBaseline(measures.psfs.rule, 3, 5)).toMatchObject({ direction: "better", important: true });
    expect(compareToBaseline(measures.psfs.rule, 5, 3)).toMatchObject({ direction: "worse", important: true });
    expect(compareToBaseline(measures.psfs.rule, 3, 4.5)).toMatchObject({ important: false });
    // (3+4+4)/3 − (1+2+2)/3 is exactly 2, but 1.9999999999999998 in floating point.
    const before = scorePsfs({ activities: [1, 2, 2].map((rating) => ({ activity: "x", rating })) });
    const after = scorePsfs({ activities: [3, 4, 4].map((rating) => ({ activity: "x", rating })) });
    expect(after - before).toBeLessThan(2);
    expect(compareToBaseline(measures.psfs.rule, before, after)).toMatchObject({ direction: "better", important: true });
  });

  it("RMDQ: 5 points or 30 %", () => {
    expect(compareToBaseline(measures.rmdq.rule, 20, 15)).toMatchObject({ important: true });
    expect(compareToBaseline(measures.rmdq.rule, 20, 16)).toMatchObject({ important: false });
    expect(compareToBaseline(measures.rmdq.rule, 10, 13)).toMatchObject({ direction: "worse", important: true });
    expect(compareToBaseline(measures.rmdq.rule, 10, 12)).toMatchObject({ direction: "worse", important: false });
  });

  it("is said in words and drawn as a band around the baseline", () => {
    expect(describeChange("odi", 46, 28).sentence).toBe("ODI fell from 46 % to 28 %: an important improvement.");
    expect(describeChange("odi", 28, 46).sentence).toBe("ODI rose from 28 % to 46 %: an important worsening.");
    expect(describeChange("odi", 46, 40).sentence).toBe("ODI fell from 46 % to 40 %: a change smaller than the important improvement.");
    expect(describeChange("psfs", 3, 6.5).sentence).toBe("PSFS rose from 3 to 6.5: an important improvement.");
    expect(describeChange("nprs", 5, 5).sentence).toBe("NPRS stayed at 5: no change.");
    expect(importantChangeBand("odi", 46)).toEqual({ low: 36, high: 56 });
    expect(importantChangeBand("odi", 20)).toEqual({ low: 14, high: 26 });
    expect(importantChangeBand("nprs", 9)).toEqual({ low: 7, high: 10 });
    expect(formatMeasureScore("ndi", 21.25)).toBe("21.3 of 50 (42.5 %)");
    expect(formatMeasureScore("odi", 2100 / 45)).toBe("46.7 %");
  });
});

describe("link form refusals", () => {
  it("travel as known field names only and come back as fixed messages", async () => {
    const { decodeBadFields, encodeBadFields } = await import("@/lib/measures/link-errors");
    expect(encodeBadFields(["activities.0.rating", "<script>", "pain"])).toBe("activities.0.rating,pain");
    expect(decodeBadFields("activities.0.rating,nonsense")).toEqual({ "activities.0.rating": "Please rate this activity from 0 to 10." });
    expect(decodeBadFields(["x"])).toEqual({});
  });
});

describe("when the link asks for a measure", () => {
  it("opens each requested week until the next one, the last for a week, and not once filled", async () => {
    const { dueMeasures, parseWeekList } = await import("@/lib/measures/requests");
    const requests = [{ measure: "nprs" as const, weeks: [0, 3, 6] }];
    const at = (today: string, filled: { measure: "nprs"; week: number }[] = []) => dueMeasures({ requests, startDate: "2026-03-02", today, filled });
    expect(at("2026-03-01")).toEqual([]);
    expect(at("2026-03-02")).toEqual([{ measure: "nprs", week: 0 }]);
    expect(at("2026-03-22")).toEqual([{ measure: "nprs", week: 0 }]);
    expect(at("2026-03-23")).toEqual([{ measure: "nprs", week: 3 }]);
    expect(at("2026-03-23", [{ measure: "nprs", week: 3 }])).toEqual([]);
    expect(at("2026-04-19")).toEqual([{ measure: "nprs", week: 6 }]);
    expect(at("2026-04-20")).toEqual([]);
    expect(parseWeekList("0, 3 6")).toEqual([0, 3, 6]);
    expect(parseWeekList("3,x")).toBeNull();
    expect(parseWeekList("60")).toBeNull();
  });
});

describe("a measure's series over time", () => {
  it("compares the latest result with the intake baseline, whatever order the rows come in", async () => {
    const { measureSeries } = await import("@/lib/measures/series");
    const row = (id: number, measure: "odi" | "nprs", takenOn: string, score: number, context: "intake" | "re-assessment" | "discharge") => ({
      id,
      measure,
      takenOn,
      score,
      context,
      source: "staff" as const,
    });
    const [odi, nprs] = measureSeries([
      row(3, "odi", "2026-04-01", 28, "discharge"),
      row(1, "odi", "2026-02-01", 50, "re-assessment"),
      row(2, "odi", "2026-03-01", 46, "intake"),
      row(4, "nprs", "2026-03-01", 6, "intake"),
    ]);
    expect(odi.points.map((p) => p.id)).toEqual([1, 2, 3]);
    expect(odi.baseline.id).toBe(2);
    expect(odi.sentence).toBe("ODI fell from 46 % to 28 %: an important improvement.");
    expect(odi.band).toEqual({ low: 36, high: 56 });
    expect(nprs.sentence).toBeNull();
  });
});

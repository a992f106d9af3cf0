import { describe, expect, it } from "vitest";
import { z } from "zod";
import { exerciseDoseSchema, limits, visitSpanSchema, walkingDoseSchema } from "@/lib/dose";
import { planSchema } from "@/lib/schemas/plan";
import { numberBounds, numberFieldProps, rangeWords } from "@/lib/zod-bounds";

describe("numberBounds reads a field's limits off its zod schema", () => {
  it("finds min, max, whole-number step and wording through nullable and optional wrappers", () => {
    expect(numberBounds(exerciseDoseSchema.shape.holdSeconds)).toEqual({ min: 1, max: 600, step: 1, label: "Hold", unit: "seconds" });
    expect(numberBounds(walkingDoseSchema.shape.breakEveryMinutes)).toEqual({
      min: limits.breakEveryMinutes.min,
      max: limits.breakEveryMinutes.max,
      step: 1,
      label: "Break every",
      unit: "minutes",
    });
    expect(numberBounds(visitSpanSchema.shape.perWeek)).toMatchObject({ min: 1, max: 7, label: "Visits per week" });
  });

  it("reads form numbers that arrive as text (a preprocess pipe)", () => {
    expect(numberBounds(planSchema.shape.weeks)).toEqual({ min: 1, max: 52, step: 1, label: "Length", unit: "weeks" });
  });

  it("agrees with the server: the bounds accept and refuse exactly what the schema does", () => {
    const schema = exerciseDoseSchema.shape.daysPerWeek;
    const { min, max } = numberBounds(schema);
    expect(schema.safeParse(min).success).toBe(true);
    expect(schema.safeParse(max).success).toBe(true);
    expect(schema.safeParse(min! - 1).success).toBe(false);
    expect(schema.safeParse(max! + 1).success).toBe(false);
  });

  it("leaves out what the schema does not say, and refuses a schema that is not a number", () => {
    expect(numberBounds(z.number().min(0.5))).toEqual({ min: 0.5, max: undefined, step: undefined });
    expect(() => numberBounds(z.string())).toThrow();
  });

  it("gives input attributes and a range in words", () => {
    expect(numberFieldProps(exerciseDoseSchema.shape.restSeconds)).toEqual({
      label: "Rest (seconds)",
      type: "number",
      inputMode: "numeric",
      min: 0,
      max: 600,
      step: 1,
    });
    expect(numberFieldProps(exerciseDoseSchema.shape.reps, "Repeats").label).toBe("Repeats");
    expect(rangeWords(numberBounds(walkingDoseSchema.shape.minutes))).toBe("1 to 180 minutes");
  });
});

import { describe, expect, it } from "vitest";
import { exerciseCount, tooManyExercisesWarning } from "@/lib/exercise-count";
import type { ItemKind } from "@/lib/dose";

const many = (kind: ItemKind, n: number) => Array.from({ length: n }, () => ({ kind }));

describe("too many exercises", () => {
  it("counts exercises and walks, never tips or visits", () => {
    const items = [...many("exercise", 7), ...many("walking", 1), ...many("education", 4), ...many("visit", 2)];
    expect(exerciseCount(items)).toBe(8);
    expect(tooManyExercisesWarning(items)).toBeNull();
  });

  it("warns past 8 things to do at home, and says how many", () => {
    const items = [...many("exercise", 8), ...many("walking", 1), ...many("education", 1)];
    expect(tooManyExercisesWarning(items)).toMatch(/^This plan has 9 exercises and walks to do at home\. More than about 8/);
  });
});

import { isTickable } from "./plan-document";

/** Past about this many things to do at home, fewer patients keep up with any of them (see DOMAIN.md). */
export const ADVISED_MAX_EXERCISES = 8;

/**
 * The things a plan asks the patient to do at home: exercises and walks. Tips
 * and visits are not exercises, however many the plan holds.
 */
export function exerciseCount(items: readonly { kind: Parameters<typeof isTickable>[0]["kind"] }[]): number {
  return items.filter(isTickable).length;
}

/** The editor's warning for a plan with too much to do at home, or null. */
export function tooManyExercisesWarning(items: Parameters<typeof exerciseCount>[0]): string | null {
  const n = exerciseCount(items);
  if (n <= ADVISED_MAX_EXERCISES) return null;
  return `This plan has ${n} exercises and walks to do at home. More than about ${ADVISED_MAX_EXERCISES} at once makes a plan harder to follow. Consider splitting it into phases.`;
}

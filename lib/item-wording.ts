import { visitTypeLabels, type AnyDose, type ExerciseDose, type ItemKind, type VisitDose, type WalkingDose } from "./dose";
import { describeExerciseDose, describeVisitPattern, describeWalk } from "./dose-wording";

/** A plan item's dose in one line of words, for summaries and exports (the handout lays each part out on its own). */
export function describeItemDose(kind: ItemKind, dose: AnyDose): string {
  switch (kind) {
    case "exercise":
      return describeExerciseDose(dose as ExerciseDose);
    case "walking":
      return describeWalk(dose as WalkingDose);
    case "visit":
      return `${visitTypeLabels[(dose as VisitDose).visitType]}: ${describeVisitPattern(dose as VisitDose)}`;
    case "education":
      return "Read and keep in mind";
  }
}

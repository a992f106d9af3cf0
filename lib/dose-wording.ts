import type { DoseByKind, ExerciseDose, ItemKind, VisitDose, WalkingDose } from "./dose";

/**
 * The dose in plain words for the patient handout and the plan editor.
 * Handouts aim at a reading grade of 6-8: short phrases, everyday words,
 * numbers as digits, no abbreviations ("1 minute", not "60 s").
 */

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function timesADay(n: number): string {
  if (n === 1) return "once a day";
  if (n === 2) return "twice a day";
  return `${n} times a day`;
}

export function daysAWeek(n: number): string {
  if (n === 7) return "every day";
  return `${plural(n, "day")} a week`;
}

/** 45 -> "45 seconds", 60 -> "1 minute", 90 -> "1 minute 30 seconds". */
export function durationInWords(seconds: number): string {
  if (seconds < 60) return plural(seconds, "second");
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? plural(minutes, "minute") : `${plural(minutes, "minute")} ${plural(rest, "second")}`;
}

const sideWords = {
  left: "left side only",
  right: "right side only",
  alternating: "alternate sides",
} as const;

export type ExerciseWordingOptions = {
  /**
   * The exercise works one side at a time (a hamstring stretch, a side plank),
   * so "both" means "do each side". For symmetric exercises (a bridge) "both"
   * needs no words at all, which is why this comes from the library entry.
   */
  oneSided?: boolean;
};

/** "3 sets of 12, rest 1 minute between sets, once a day, 3 days a week" */
export function describeExerciseDose(d: ExerciseDose, options: ExerciseWordingOptions = {}): string {
  const parts: string[] = [];
  const sets = d.sets ?? 1;

  if (d.reps !== null) {
    parts.push(sets > 1 ? `${plural(sets, "set")} of ${d.reps}` : plural(d.reps, "time"));
  } else if (sets > 1) {
    // A hold without reps repeated in sets: the patient just does the hold that many times.
    parts.push(plural(sets, "time"));
  }
  if (d.holdSeconds !== null) parts.push(`hold ${durationInWords(d.holdSeconds)}`);

  if (d.side === "both") {
    if (options.oneSided) parts.push("each side");
  } else {
    parts.push(sideWords[d.side]);
  }

  const load = d.load.trim();
  if (load) parts.push(`with ${load}`);

  if (sets > 1 && d.restSeconds !== null && d.restSeconds > 0) {
    parts.push(`rest ${durationInWords(d.restSeconds)} ${d.reps !== null ? "between sets" : "in between"}`);
  }

  parts.push(timesADay(d.timesPerDay), daysAWeek(d.daysPerWeek));
  return parts.join(", ");
}

/** "Walk 10 minutes, once a day, 5 days a week, at a pace where you can talk but not sing" */
export function describeWalkingDose(d: WalkingDose): string {
  const parts = [`Walk ${plural(d.minutes, "minute")}`, timesADay(d.sessionsPerDay), daysAWeek(d.daysPerWeek)];
  if (d.intensity === "talk-test") parts.push("at a pace where you can talk but not sing");
  else if (d.rpe !== null) parts.push(`at an effort of ${d.rpe} out of 10`);
  return parts.join(", ");
}

/** "Add 5 minutes each week, up to 30 minutes." */
export function describeWalkingProgression(d: WalkingDose): string {
  const step = d.stepMinutes ?? 0;
  // A cap no longer than the first walk leaves nothing to add.
  if (step <= 0 || (d.capMinutes !== null && d.capMinutes <= d.minutes)) {
    return "Keep the same length each week.";
  }
  const add = `Add ${plural(step, "minute")} each week`;
  return d.capMinutes === null ? `${add}.` : `${add}, up to ${plural(d.capMinutes, "minute")}.`;
}

/** "3 visits a week for 2 weeks, then 2 a week for 4 weeks" */
export function describeVisitPattern(d: Pick<VisitDose, "spans">): string {
  if (d.spans.length === 0) return "No visits set";
  return d.spans
    .map((s, i) => {
      const perWeek = i === 0 ? plural(s.perWeek, "visit") : String(s.perWeek);
      return `${perWeek} a week for ${plural(s.weeks, "week")}`;
    })
    .join(", then ");
}

/** Anything with a kind, its matching dose and the library's one-side flag: a document item or an editor item. */
export type DosedItem = { [K in ItemKind]: { kind: K; dose: DoseByKind[K]; entry: { oneSided: boolean } } }[ItemKind];

/**
 * The one wording of an item's dose, used by the editor, the handout and the
 * phone page. `weekMinutes` gives a walk's length for one week (the phone page
 * shows this week's walk, without the progression sentence).
 */
export function describeDose(item: DosedItem, options: { weekMinutes?: number } = {}): string {
  switch (item.kind) {
    case "exercise":
      return describeExerciseDose(item.dose, { oneSided: item.entry.oneSided });
    case "walking":
      return options.weekMinutes !== undefined
        ? describeWalkingDose({ ...item.dose, minutes: options.weekMinutes })
        : `${describeWalkingDose(item.dose)}. ${describeWalkingProgression(item.dose)}`;
    case "visit":
      return describeVisitPattern(item.dose);
    case "education":
      return "";
  }
}

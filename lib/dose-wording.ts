import { isSittingBreak, type DoseByKind, type ExerciseDose, type ItemKind, type VisitDose, type WalkingDose } from "./dose";

/**
 * The dose in plain words for the patient handout and the plan editor.
 * Handouts aim at a reading grade of 6-8: short phrases, everyday words,
 * numbers as digits, no abbreviations ("1 minute", not "60 s").
 */

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function timesADay(n: number): string {
  // Digits rather than "twice": a reader scanning for numbers finds them all the same way.
  return n === 1 ? "once a day" : `${n} times a day`;
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

/** Added after the first instruction: "Do 10 repeats, each side." */
const sideWords = {
  left: "on the left side only",
  right: "on the right side only",
  alternating: "switching sides each time",
} as const;

export type ExerciseWordingOptions = {
  /**
   * The exercise works one side at a time (a hamstring stretch, a side plank),
   * so "both" means "do each side". For symmetric exercises (a bridge) "both"
   * needs no words at all, which is why this comes from the library entry.
   */
  oneSided?: boolean;
};

function sentence(words: string): string {
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
}

/** "once a day, every day" as the closing instruction: "Do this once a day, every day." */
function howOften(timesPerDay: number, daysPerWeek: number): string {
  return `Do this ${timesADay(timesPerDay)}, ${daysAWeek(daysPerWeek)}.`;
}

/**
 * The exercise dose as short sentences that each start with a verb, in the
 * words a patient uses: "repeats" for reps and "rounds" for sets.
 * "Do 3 rounds of 12 repeats. Rest 1 minute between rounds. Do this once a day, 3 days a week."
 */
export function describeExerciseDose(d: ExerciseDose, options: ExerciseWordingOptions = {}): string {
  const sentences: string[] = [];
  const sets = d.sets ?? 1;
  const side = d.side === "both" ? (options.oneSided ? "each side" : "") : sideWords[d.side];
  const withSide = (words: string) => (side ? `${words}, ${side}` : words);

  if (d.reps !== null) {
    const first = sets > 1 ? `Do ${plural(sets, "round")} of ${plural(d.reps, "repeat")}` : `Do ${plural(d.reps, "repeat")}`;
    sentences.push(sentence(withSide(first)));
    if (d.holdSeconds !== null) sentences.push(`Hold each for ${durationInWords(d.holdSeconds)}.`);
  } else if (d.holdSeconds !== null) {
    // A hold without reps repeated in sets: the patient just does the hold that many times.
    const first = sets > 1 ? `Hold for ${durationInWords(d.holdSeconds)}, ${plural(sets, "time")}` : `Hold for ${durationInWords(d.holdSeconds)}`;
    sentences.push(sentence(withSide(first)));
  }

  const load = d.load.trim();
  if (load) sentences.push(`Use ${load}.`);

  if (sets > 1 && d.restSeconds !== null && d.restSeconds > 0) {
    sentences.push(`Rest ${durationInWords(d.restSeconds)} ${d.reps !== null ? "between rounds" : "in between"}.`);
  }

  sentences.push(howOften(d.timesPerDay, d.daysPerWeek));
  return sentences.join(" ");
}

/** "every 30 minutes while you sit": how often a sitting break comes round. */
export function sittingBreakInterval(everyMinutes: number): string {
  return `every ${plural(everyMinutes, "minute")} while you sit`;
}

/** How often a walk repeats within a day, after its minutes: ", every 30 minutes while you sit", ", 2 times" or nothing. */
export function walkRepeatWords(d: WalkingDose, sessionsPerDay: number): string {
  if (isSittingBreak(d)) return `, ${sittingBreakInterval(d.breakEveryMinutes)}`;
  return sessionsPerDay > 1 ? `, ${sessionsPerDay} times` : "";
}

/**
 * "Walk for 10 minutes. Do this once a day, 5 days a week. Go at a pace where you can talk but not sing."
 * A sitting break reads "Walk for 3 minutes. Do this every 30 minutes while you sit, 5 days a week."
 */
export function describeWalkingDose(d: WalkingDose): string {
  const often = isSittingBreak(d)
    ? `Do this ${sittingBreakInterval(d.breakEveryMinutes)}, ${daysAWeek(d.daysPerWeek)}.`
    : howOften(d.sessionsPerDay, d.daysPerWeek);
  const sentences = [`Walk for ${plural(d.minutes, "minute")}.`, often];
  if (d.intensity === "talk-test") sentences.push("Go at a pace where you can talk but not sing.");
  else if (d.rpe !== null) sentences.push(`Go at an effort of ${d.rpe} out of 10 (0 is resting, 10 is the hardest you can).`);
  return sentences.join(" ");
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

/** The whole walk in words with its weekly growth; a sitting break that stays the same says nothing about weeks. */
export function describeWalk(d: WalkingDose): string {
  const growth = describeWalkingProgression(d);
  return isSittingBreak(d) && (d.stepMinutes ?? 0) <= 0 ? describeWalkingDose(d) : `${describeWalkingDose(d)} ${growth}`;
}

/** "Come in 3 times a week for 2 weeks, then 2 times a week for 4 weeks." */
export function describeVisitPattern(d: Pick<VisitDose, "spans">): string {
  if (d.spans.length === 0) return "No visits set";
  const spans = d.spans.map((s) => `${s.perWeek === 1 ? "once" : `${s.perWeek} times`} a week for ${plural(s.weeks, "week")}`);
  return `Come in ${spans.join(", then ")}.`;
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
      return options.weekMinutes !== undefined ? describeWalkingDose({ ...item.dose, minutes: options.weekMinutes }) : describeWalk(item.dose);
    case "visit":
      return describeVisitPattern(item.dose);
    case "education":
      return "";
  }
}

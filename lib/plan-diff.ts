import { formatDateLong } from "./calendar-date";
import { visitTypeLabels, type DoseByKind, type ItemKind } from "./dose";
import { daysAWeek, describeDose, describeVisitPattern, sittingBreakInterval, timesADay } from "./dose-wording";
import type { ItemOfKind, PlanDocument, PlanDocumentItem } from "./plan-document";
import { phaseWeeksWords, type PlanPhase } from "./plan-phases";

/**
 * What changed between two plan documents, in plain sentences a therapist can
 * read aloud: "Added Bird dog: 2 sets of 8, each side", "Knee-to-chest
 * stretch: hold 30 s → 45 s", "Removed Glute bridge". Pure: the version
 * history page and its tests call it with two documents.
 */

type Section = (before: PlanDocument, after: PlanDocument) => string[];

const arrow = (a: string, b: string) => `${a} → ${b}`;
const weeksWords = (n: number) => `${n} ${n === 1 ? "week" : "weeks"}`;

const headerChanges: Section = (a, b) => {
  const out: string[] = [];
  if (a.title !== b.title) out.push(`Title: ${arrow(a.title, b.title)}`);
  if (a.goal !== b.goal) out.push(b.goal ? `Goal changed: “${b.goal}”` : "Goal removed");
  if (a.startDate !== b.startDate) out.push(`Start date: ${arrow(formatDateLong(a.startDate), formatDateLong(b.startDate))}`);
  if (a.weeks !== b.weeks) out.push(`Length: ${arrow(weeksWords(a.weeks), weeksWords(b.weeks))}`);
  if (a.precautions !== b.precautions) out.push("Precautions changed");
  return out;
};

/** Pairs each item of `after` with its item in `before`: by item id, then by kind and library text for items without one. */
function matchItems(before: PlanDocumentItem[], after: PlanDocumentItem[]) {
  const free = new Set(before.map((_, i) => i));
  const keyOf = (it: PlanDocumentItem) => `${it.kind}:${it.entry.slug ?? it.entry.name}`;
  const pairs = after.map((it) => {
    let match = it.itemId === null ? -1 : before.findIndex((b, i) => free.has(i) && b.itemId === it.itemId);
    if (match < 0) match = before.findIndex((b, i) => free.has(i) && (b.itemId === null || it.itemId === null) && keyOf(b) === keyOf(it));
    if (match >= 0) free.delete(match);
    return match;
  });
  return { pairs, removed: [...free].map((i) => before[i]) };
}

/** Phases are matched by their id: a new name or new weeks on the same id is a change to that phase. */
const phaseChanges: Section = (a, b) => {
  const before = a.phases ?? [];
  const after = b.phases ?? [];
  const out: string[] = [];
  for (const phase of after) {
    const was = before.find((p) => p.id === phase.id);
    if (!was) {
      out.push(`Added phase ${phase.title} (${phaseWeeksWords(phase)})`);
      continue;
    }
    if (was.title !== phase.title) out.push(`Phase renamed: ${arrow(was.title, phase.title)}`);
    if (was.fromWeek !== phase.fromWeek || was.toWeek !== phase.toWeek)
      out.push(`Phase ${phase.title}: ${arrow(phaseWeeksWords(was), phaseWeeksWords(phase).replace(/^weeks? /, ""))}`);
  }
  for (const phase of before) if (!after.some((p) => p.id === phase.id)) out.push(`Removed phase ${phase.title} (${phaseWeeksWords(phase)})`);
  return out;
};

/** "Build strength", or "the whole plan" for an item in no phase. */
function phaseName(phases: PlanPhase[] | undefined, phaseId: string | undefined): string {
  const phase = phaseId === undefined ? undefined : phases?.find((p) => p.id === phaseId);
  return phase ? phase.title : "the whole plan";
}

const itemChanges: Section = (a, b) => {
  const { pairs, removed } = matchItems(a.items, b.items);
  const out: string[] = [];
  b.items.forEach((item, i) => {
    const was = pairs[i] >= 0 ? a.items[pairs[i]] : null;
    if (!was) {
      const dose = describeDose(item);
      const where = item.phaseId === undefined ? "" : ` in ${phaseName(b.phases, item.phaseId)}`;
      out.push(dose ? `Added ${item.entry.name}${where}: ${dose}` : `Added ${item.entry.name}${where}`);
    } else {
      out.push(...changedItem(was, item));
      if ((was.phaseId ?? null) !== (item.phaseId ?? null)) out.push(`${item.entry.name} moved to ${phaseName(b.phases, item.phaseId)}`);
    }
  });
  for (const item of removed) out.push(`Removed ${item.entry.name}`);
  // Order among the items both documents hold.
  const kept = pairs.filter((p) => p >= 0);
  if (kept.some((p, i) => i > 0 && p < kept[i - 1]))
    out.push(
      `Order changed: ${b.items
        .filter((_, i) => pairs[i] >= 0)
        .map((it) => it.entry.name)
        .join(", ")}`,
    );
  return out;
};

function changedItem(was: PlanDocumentItem, now: PlanDocumentItem): string[] {
  const out: string[] = [];
  const name = now.entry.name;
  if (was.entry.name !== name) out.push(`Renamed ${arrow(was.entry.name, name)}`);
  const dose = doseChanges(was, now);
  if (dose.length > 0) out.push(`${name}: ${dose.join(", ")}`);
  const e1 = was.entry;
  const e2 = now.entry;
  if (e1.summary !== e2.summary || e1.steps.join("\n") !== e2.steps.join("\n") || e1.cautions.join("\n") !== e2.cautions.join("\n"))
    out.push(`${name}: instructions updated`);
  if (e1.illustration !== e2.illustration || e1.illustrationAlt !== e2.illustrationAlt) out.push(`${name}: picture changed`);
  return out;
}

const seconds = (n: number | null, none: string) => (n === null ? none : `${n} s`);
const count = (n: number | null) => (n === null ? "none" : String(n));
const minutes = (n: number | null) => (n === null ? "none" : `${n} min`);
const step = (n: number | null) => (n === null || n === 0 ? "same length each week" : `+${n} min a week`);

/** How a dose field reads in a change line: a label said once ("hold 30 s → 45 s") and each value's words. */
type FieldWords<V> = { label?: string; say: (v: V) => string };
type DoseWords<K extends ItemKind> = { [F in keyof DoseByKind[K]]?: FieldWords<DoseByKind[K][F]> };

const doseWords: { [K in ItemKind]: DoseWords<K> } = {
  exercise: {
    sets: { label: "sets", say: count },
    reps: { label: "reps", say: count },
    holdSeconds: { label: "hold", say: (v) => seconds(v, "none") },
    restSeconds: { label: "rest", say: (v) => seconds(v, "none") },
    side: { label: "side", say: (v) => v },
    load: { label: "load", say: (v) => v.trim() || "none" },
    timesPerDay: { say: timesADay },
    daysPerWeek: { say: daysAWeek },
  },
  walking: {
    minutes: { say: (v) => `${v} min` },
    sessionsPerDay: { say: timesADay },
    daysPerWeek: { say: daysAWeek },
    intensity: { say: (v) => (v === "talk-test" ? "talk test" : "effort score") },
    rpe: { label: "effort", say: (v) => (v === null ? "none" : `${v} of 10`) },
    stepMinutes: { say: step },
    capMinutes: { say: (v) => (v === null ? "no longest walk" : `up to ${minutes(v)}`) },
    breakEveryMinutes: { say: (v) => (typeof v === "number" ? sittingBreakInterval(v) : "set walks a day") },
  },
  visit: {
    visitType: { say: (v) => visitTypeLabels[v] },
    spans: { say: (v) => describeVisitPattern({ spans: v }).replace(/\.$/, "") },
  },
  education: {},
};

function fieldChanges<K extends ItemKind>(kind: K, a: DoseByKind[K], b: DoseByKind[K]): string[] {
  const words: DoseWords<K> = doseWords[kind];
  const out: string[] = [];
  for (const field of Object.keys(words) as (keyof DoseByKind[K])[]) {
    const w = words[field];
    if (!w || JSON.stringify(a[field]) === JSON.stringify(b[field])) continue;
    const change = arrow(w.say(a[field]), w.say(b[field]));
    out.push(w.label ? `${w.label} ${change}` : change);
  }
  if (a.note !== b.note) out.push(b.note ? "note changed" : "note removed");
  return out;
}

function isKind<K extends ItemKind>(item: PlanDocumentItem, kind: K): item is ItemOfKind<K> {
  return item.kind === kind;
}

/** Each dose field that differs, in change-line words ("hold 10 s → 20 s"); also used for a progression between phases. */
export function doseChanges(was: PlanDocumentItem, now: PlanDocumentItem): string[] {
  const out = (() => {
    switch (now.kind) {
      case "exercise":
        return isKind(was, "exercise") ? fieldChanges("exercise", was.dose, now.dose) : null;
      case "walking":
        return isKind(was, "walking") ? fieldChanges("walking", was.dose, now.dose) : null;
      case "visit":
        return isKind(was, "visit") ? fieldChanges("visit", was.dose, now.dose) : null;
      case "education":
        return isKind(was, "education") ? fieldChanges("education", was.dose, now.dose) : null;
    }
  })();
  // Only an imported file can pair items of two kinds (same library text, new kind): say it whole.
  if (out === null) return [arrow(describeDose(was) || was.kind, describeDose(now) || now.kind)];
  if (was.entry.oneSided !== now.entry.oneSided) out.push(now.entry.oneSided ? "now each side" : "no longer each side");
  return out;
}

/** The sections compared, in the order a reader wants them. */
const sections: Section[] = [headerChanges, phaseChanges, itemChanges];

/** Every change from `before` to `after`; an empty list when the two are the same. */
export function diffPlanDocuments(before: PlanDocument, after: PlanDocument): string[] {
  return sections.flatMap((section) => section(before, after));
}

/** The change list for display: "No changes" when there are none. */
export function changesInWords(before: PlanDocument | null, after: PlanDocument): string[] {
  if (!before) return ["First version given to the patient"];
  const changes = diffPlanDocuments(before, after);
  return changes.length > 0 ? changes : ["No changes"];
}

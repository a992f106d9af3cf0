import type { PlanDocument, PlanDocumentItem } from "./plan-document";
import { doseChanges } from "./plan-diff";
import type { PlanPhase } from "./plan-phases";

/**
 * What changes from one phase to the next, in words for the patient. The same
 * library entry in both phases is one exercise moving on ("hold 10 s → 20 s");
 * anything else starts or stops with the phase (knee plank stops, full plank
 * starts). Pure: the phone page and the handout call it with a document.
 */

const sameEntry = (a: PlanDocumentItem, b: PlanDocumentItem) =>
  a.kind === b.kind && (a.entry.slug !== null && b.entry.slug !== null ? a.entry.slug === b.entry.slug : a.entry.name === b.entry.name);

const inPhase = (doc: PlanDocument, phase: PlanPhase | null) =>
  phase ? doc.items.filter((it) => it.phaseId === phase.id) : ([] as PlanDocumentItem[]);

export type PhaseStep = { starts: string[]; stops: string[]; changes: string[] };

/** From `from` (null before any phase) to `to`: which items start, which stop, which move on. */
export function phaseStep(doc: PlanDocument, from: PlanPhase | null, to: PlanPhase): PhaseStep {
  const before = inPhase(doc, from);
  const after = inPhase(doc, to);
  const changes: string[] = [];
  const starts: string[] = [];
  for (const item of after) {
    const was = before.find((b) => sameEntry(b, item));
    if (!was) starts.push(item.entry.name);
    else {
      const words = doseChanges(was, item);
      if (words.length > 0) changes.push(`${item.entry.name}: ${words.join(", ")}`);
    }
  }
  const stops = before.filter((b) => !after.some((a) => sameEntry(b, a))).map((b) => b.entry.name);
  return { starts, stops, changes };
}

/** The phase before `phase` in the document, if any. */
export function phaseBefore(doc: PlanDocument, phase: PlanPhase): PlanPhase | null {
  const phases = doc.phases ?? [];
  const i = phases.findIndex((p) => p.id === phase.id);
  return i > 0 ? phases[i - 1] : null;
}

/** On the handout: "Builds on Settle the pain: hold 10 s → 20 s.", or null for an item new in its phase. */
export function progressionNote(doc: PlanDocument, item: PlanDocumentItem): string | null {
  const phase = item.phaseId === undefined ? undefined : doc.phases?.find((p) => p.id === item.phaseId);
  const previous = phase ? phaseBefore(doc, phase) : null;
  if (!previous) return null;
  const was = inPhase(doc, previous).find((b) => sameEntry(b, item));
  if (!was) return null;
  const words = doseChanges(was, item);
  return words.length > 0 ? `Builds on ${previous.title}: ${words.join(", ")}.` : `Same as in ${previous.title}.`;
}

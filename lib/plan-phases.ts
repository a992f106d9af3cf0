import { z } from "zod";
import "@/lib/zod-browser";
import { limits, type ItemKind } from "./dose";

/**
 * Phases of a plan: named runs of weeks ("Settle the pain", weeks 1-2) that
 * home exercises and tips can belong to. An item without a phase runs for the
 * whole plan, so a plan with no phases reads exactly as before. A progression
 * (knee plank, then full plank) is two items in consecutive phases; the same
 * library entry in two phases is a dose progression (hold 10 s, then 20 s).
 *
 * Walks and visits keep their own week-by-week shape from the start date
 * (walking table, visit pattern), so they always run for the whole plan.
 */

export const MAX_PHASES = 8;
export const PHASE_TITLE_MAX = 60;

export const phaseIdSchema = z
  .string({ error: "A phase reference must be text." })
  .regex(/^[a-z0-9-]{1,40}$/, { error: "A phase reference uses a-z, 0-9 and dashes (at most 40)." });

const weekNumber = (label: string) =>
  z
    .number({ error: `${label} must be a week number.` })
    .int({ error: `${label} must be a whole week number.` })
    .min(1, { error: `${label} must be week 1 or later.` })
    .max(limits.planWeeks.max, { error: `${label} can be at most week ${limits.planWeeks.max}.` });

export const phaseSchema = z.object({
  id: phaseIdSchema,
  title: z
    .string({ error: "Phase name must be text." })
    .trim()
    .min(1, { error: "Give the phase a name." })
    .max(PHASE_TITLE_MAX, { error: `A phase name can be at most ${PHASE_TITLE_MAX} characters.` }),
  fromWeek: weekNumber("First week"),
  toWeek: weekNumber("Last week"),
});
export type PlanPhase = z.infer<typeof phaseSchema>;

export const phasesSchema = z
  .array(phaseSchema, { error: "phases must be a list." })
  .max(MAX_PHASES, { error: `A plan can have at most ${MAX_PHASES} phases.` });

/** Kinds that may belong to a phase (see above for why walks and visits do not). */
export const phasedKinds: readonly ItemKind[] = ["exercise", "education"];

type PhasedDoc = { weeks: number; phases?: PlanPhase[]; items: { kind: ItemKind; phaseId?: string }[] };

/**
 * The rules a document's phases follow, as zod issues: each phase within the
 * plan's weeks, first week not after last week, phases in order and not
 * overlapping, ids unique, and every item's phase one of them.
 */
export function checkPhases(doc: PhasedDoc, ctx: z.RefinementCtx) {
  const phases = doc.phases ?? [];
  const ids = new Set<string>();
  phases.forEach((phase, i) => {
    const at = (field: string) => ["phases", i, field];
    if (ids.has(phase.id)) ctx.addIssue({ code: "custom", path: at("id"), message: `Two phases share the reference "${phase.id}".` });
    ids.add(phase.id);
    if (phase.fromWeek > phase.toWeek)
      ctx.addIssue({ code: "custom", path: at("toWeek"), message: `${phase.title}: the last week comes before the first week.` });
    if (Number.isInteger(doc.weeks) && phase.toWeek > doc.weeks)
      ctx.addIssue({
        code: "custom",
        path: at("toWeek"),
        message: `${phase.title} runs to week ${phase.toWeek}, but the plan is ${doc.weeks} ${doc.weeks === 1 ? "week" : "weeks"} long.`,
      });
    const before = phases[i - 1];
    if (before && phase.fromWeek <= before.toWeek)
      ctx.addIssue({
        code: "custom",
        path: at("fromWeek"),
        message: `${phase.title} must start after ${before.title} ends (week ${before.toWeek}): phases go in order and do not overlap.`,
      });
  });
  if (!Array.isArray(doc.items)) return;
  doc.items.forEach((item, i) => {
    if (item.phaseId === undefined) return;
    if (!phasedKinds.includes(item.kind))
      ctx.addIssue({
        code: "custom",
        path: ["items", i, "phaseId"],
        message: "Walks and visits run over the whole plan, so they cannot belong to a phase.",
      });
    else if (!ids.has(item.phaseId))
      ctx.addIssue({ code: "custom", path: ["items", i, "phaseId"], message: `There is no phase "${item.phaseId}" in this plan.` });
  });
}

/** "weeks 3-6", "week 2". */
export function phaseWeeksWords(phase: Pick<PlanPhase, "fromWeek" | "toWeek">): string {
  return phase.fromWeek === phase.toWeek ? `week ${phase.fromWeek}` : `weeks ${phase.fromWeek}-${phase.toWeek}`;
}

/** The phase that holds plan week `week` (1-based), if any. */
export function phaseOfWeek(phases: readonly PlanPhase[] | undefined, week: number): PlanPhase | null {
  return (phases ?? []).find((p) => week >= p.fromWeek && week <= p.toWeek) ?? null;
}

/** The first phase starting after week `week`. */
export function phaseAfterWeek(phases: readonly PlanPhase[] | undefined, week: number): PlanPhase | null {
  return (phases ?? []).find((p) => p.fromWeek > week) ?? null;
}

/** The weeks an item runs: its phase's weeks, or the whole plan. */
export function itemWeeks(item: { phaseId?: string }, phases: readonly PlanPhase[] | undefined, planWeeks: number): { from: number; to: number } {
  const phase = item.phaseId === undefined ? undefined : (phases ?? []).find((p) => p.id === item.phaseId);
  return phase ? { from: phase.fromWeek, to: phase.toWeek } : { from: 1, to: planWeeks };
}

/** Whether an item is part of the program in plan week `week`. */
export function itemRunsInWeek(item: { phaseId?: string }, phases: readonly PlanPhase[] | undefined, week: number): boolean {
  if (item.phaseId === undefined) return true;
  const phase = (phases ?? []).find((p) => p.id === item.phaseId);
  return !phase || (week >= phase.fromWeek && week <= phase.toWeek);
}

/**
 * The items grouped for a handout: the whole-plan items first (no heading),
 * then each phase in order with its items. A phase with no items still shows,
 * so the patient sees the whole shape of the plan.
 */
export function groupByPhase<T extends { phaseId?: string }>(
  phases: readonly PlanPhase[] | undefined,
  items: readonly T[],
): { phase: PlanPhase | null; items: T[] }[] {
  const list = phases ?? [];
  const known = new Set(list.map((p) => p.id));
  const always = items.filter((it) => it.phaseId === undefined || !known.has(it.phaseId));
  return [{ phase: null, items: always }, ...list.map((phase) => ({ phase, items: items.filter((it) => it.phaseId === phase.id) }))];
}

/** A reference for a new phase that the plan does not use yet ("phase-3"). */
export function newPhaseId(phases: readonly PlanPhase[]): string {
  const used = new Set(phases.map((p) => p.id));
  let n = phases.length + 1;
  while (used.has(`phase-${n}`)) n += 1;
  return `phase-${n}`;
}

import "server-only";
import { and, eq, isNotNull, notInArray } from "drizzle-orm";
import { planItems, plans } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { NotFoundError, RuleError } from "@/lib/errors";
import { checkPhases, phaseIdSchema, phasedKinds, phasesSchema, phaseWeeksWords, type PlanPhase } from "@/lib/plan-phases";
import { z } from "zod";
import { audited } from "./audit";
import { editablePlan, touchPlan } from "./plans";

/**
 * A plan's phases and which phase each item belongs to. The phases are one
 * list on the plan (saved whole, so the order and overlap rules are checked
 * together); an item points at a phase by its id.
 */

/** The phases as the editor sends them, checked against the plan's length with the document's own rules. */
function phasesForPlan(weeks: number) {
  return z.object({ phases: phasesSchema }).superRefine((value, ctx) => checkPhases({ weeks, phases: value.phases, items: [] }, ctx));
}

/**
 * Replaces the plan's phases. Items of a phase that is taken away stay on the
 * plan and run for its whole length again; nothing the therapist chose is
 * deleted by renaming or removing a phase.
 */
export function setPlanPhases({ actor, planId, phases }: { actor: Actor | null; planId: number; phases: unknown }) {
  return audited({ actor, permission: "plans:write", action: "plan.phases", planId }, (tx, ctx) => {
    const plan = editablePlan(tx, planId, ctx);
    const checked: PlanPhase[] = phasesForPlan(plan.weeks).parse({ phases }).phases;
    const kept = checked.map((p) => p.id);
    const orphaned = tx
      .update(planItems)
      .set({ phaseId: null, updatedAt: new Date() })
      .where(and(eq(planItems.planId, planId), isNotNull(planItems.phaseId), kept.length > 0 ? notInArray(planItems.phaseId, kept) : undefined))
      .run().changes;
    tx.update(plans).set({ phases: checked, updatedAt: new Date() }).where(eq(plans.id, planId)).run();
    ctx.detail =
      (checked.length === 0 ? "no phases" : checked.map((p) => `${p.title} (${phaseWeeksWords(p)})`).join("; ")) +
      (orphaned > 0 ? `; ${orphaned} item(s) back to the whole plan` : "");
    return { phases: checked };
  });
}

/** Puts an item in a phase (`phaseId`), or back to the whole plan (null). */
export function setPlanItemPhase({ actor, planId, itemId, phaseId }: { actor: Actor | null; planId: number; itemId: number; phaseId: unknown }) {
  return audited({ actor, permission: "plans:write", action: "plan.item.phase", planId }, (tx, ctx) => {
    const plan = editablePlan(tx, planId, ctx);
    const target = phaseIdSchema.nullable().parse(phaseId);
    const item = tx
      .select({ kind: planItems.kind })
      .from(planItems)
      .where(and(eq(planItems.id, itemId), eq(planItems.planId, planId)))
      .get();
    if (!item) throw new NotFoundError("Plan item");
    const phase = target === null ? null : plan.phases.find((p) => p.id === target);
    if (target !== null && !phase) throw new RuleError("That phase is no longer in this plan. Reload to see its phases.", "phaseId");
    if (phase && !phasedKinds.includes(item.kind))
      throw new RuleError("Walks and visits run over the whole plan, so they cannot belong to a phase.", "phaseId");
    tx.update(planItems).set({ phaseId: target, updatedAt: new Date() }).where(eq(planItems.id, itemId)).run();
    touchPlan(tx, planId);
    ctx.detail = phase ? `item ${itemId} to ${phase.title} (${phaseWeeksWords(phase)})` : `item ${itemId} to the whole plan`;
    return { phaseId: target };
  });
}

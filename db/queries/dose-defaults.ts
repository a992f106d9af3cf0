import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { doseDefaults, libraryEntries, planItems, plans } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { doseSchemaByKind, type AnyDose, type ItemKind } from "@/lib/dose";
import { NotFoundError, RuleError } from "@/lib/errors";
import { audited } from "./audit";

/**
 * A therapist's usual dose for a library entry, or null. A saved dose that no
 * longer passes its kind's checks (the rules changed since) is ignored, so the
 * library's default is used instead of refusing the add.
 */
export function usualDoseFor(
  db: Executor,
  { userId, libraryEntryId, kind }: { userId: string; libraryEntryId: number; kind: ItemKind },
): AnyDose | null {
  const row = db
    .select({ dose: doseDefaults.dose })
    .from(doseDefaults)
    .where(and(eq(doseDefaults.userId, userId), eq(doseDefaults.libraryEntryId, libraryEntryId)))
    .get();
  if (!row) return null;
  const parsed = doseSchemaByKind[kind].safeParse(row.dose);
  return parsed.success ? parsed.data : null;
}

/** "Save as my usual dose": the item's current dose becomes the signed-in therapist's default for its library entry. */
export function saveUsualDose({ actor, planId, itemId }: { actor: Actor | null; planId: number; itemId: number }) {
  return audited({ actor, permission: "plans:write", action: "dose-default.save", planId }, (tx, ctx) => {
    const item = tx
      .select({
        kind: planItems.kind,
        dose: planItems.dose,
        libraryEntryId: planItems.libraryEntryId,
        name: libraryEntries.name,
        patientId: plans.patientId,
      })
      .from(planItems)
      .innerJoin(plans, eq(plans.id, planItems.planId))
      .innerJoin(libraryEntries, eq(libraryEntries.id, planItems.libraryEntryId))
      .where(and(eq(planItems.id, itemId), eq(planItems.planId, planId)))
      .get();
    if (!item) throw new NotFoundError("Plan item");
    ctx.patientId = item.patientId;
    if (item.kind === "education") throw new RuleError("A tip has no dose to save.");
    const dose = doseSchemaByKind[item.kind].parse(item.dose);
    const now = new Date();
    tx.insert(doseDefaults)
      .values({ userId: actor!.userId, libraryEntryId: item.libraryEntryId, dose, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: [doseDefaults.userId, doseDefaults.libraryEntryId], set: { dose, updatedAt: now } })
      .run();
    ctx.detail = `usual dose for ${item.name}`;
    return { libraryEntryId: item.libraryEntryId, dose };
  });
}

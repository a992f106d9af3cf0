import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db";
import { doseDefaults, libraryEntries, planItems, plans } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { doseSchemaByKind, type AnyDose, type ItemKind } from "@/lib/dose";
import { describeDose, type DosedItem } from "@/lib/dose-wording";
import type { PlanItemDto, UsualDose } from "@/lib/plan-dto";
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
  return row ? checkedDose(kind, row.dose) : null;
}

const checkedDose = (kind: ItemKind, dose: unknown): AnyDose | null => {
  const parsed = doseSchemaByKind[kind].safeParse(dose);
  return parsed.success ? parsed.data : null;
};

/**
 * The therapist's usual doses for the library entries of these items, in
 * words, for the editor (shown with "Forget my usual dose"). Tips have none;
 * a saved dose that no longer passes its checks is left out, as it is unused.
 */
export function usualDosesFor(db: Executor, { userId, items }: { userId: string; items: readonly PlanItemDto[] }): UsualDose[] {
  const dosed = items.filter((it) => it.kind !== "education" && it.entry.libraryEntryId !== null);
  if (dosed.length === 0) return [];
  const rows = db
    .select({ libraryEntryId: doseDefaults.libraryEntryId, dose: doseDefaults.dose })
    .from(doseDefaults)
    .where(
      and(
        eq(doseDefaults.userId, userId),
        inArray(
          doseDefaults.libraryEntryId,
          dosed.map((it) => it.entry.libraryEntryId!),
        ),
      ),
    )
    .all();
  return rows.flatMap((row) => {
    const item = dosed.find((it) => it.entry.libraryEntryId === row.libraryEntryId)!;
    const dose = checkedDose(item.kind, row.dose);
    return dose ? [{ libraryEntryId: row.libraryEntryId, words: describeDose({ ...item, dose } as DosedItem) }] : [];
  });
}

/**
 * "Forget my usual dose": the signed-in therapist's own usual dose for a
 * library entry goes, so adding the entry starts from the library's dose
 * again. Only the actor's own row can match; anyone else's is "not found".
 */
export function forgetUsualDose({ actor, libraryEntryId }: { actor: Actor | null; libraryEntryId: number }) {
  audited({ actor, permission: "plans:write", action: "dose-default.forget" }, (tx, ctx) => {
    const gone = tx
      .delete(doseDefaults)
      .where(and(eq(doseDefaults.userId, actor!.userId), eq(doseDefaults.libraryEntryId, libraryEntryId)))
      .returning({ id: doseDefaults.id })
      .get();
    if (!gone) throw new NotFoundError("Your usual dose for this entry");
    const entry = tx.select({ name: libraryEntries.name }).from(libraryEntries).where(eq(libraryEntries.id, libraryEntryId)).get();
    ctx.detail = `usual dose for ${entry?.name ?? `entry #${libraryEntryId}`}`;
  });
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

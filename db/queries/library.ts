import "server-only";
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { libraryEntries, type LibraryEntry } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/authz";
import type { AnyDose, ItemKind } from "@/lib/dose";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { categories, kindForCategory, type BodyRegion, type Category } from "@/lib/library";
import type { LibraryEntryInput } from "@/lib/schemas/library-entry";

const entryColumns = {
  id: libraryEntries.id,
  source: libraryEntries.source,
  name: libraryEntries.name,
  category: libraryEntries.category,
  kind: libraryEntries.kind,
  bodyRegions: libraryEntries.bodyRegions,
  summary: libraryEntries.summary,
  steps: libraryEntries.steps,
  cautions: libraryEntries.cautions,
  defaultDose: libraryEntries.defaultDose,
  illustration: libraryEntries.illustration,
  illustrationAlt: libraryEntries.illustrationAlt,
  oneSided: libraryEntries.oneSided,
  retiredAt: libraryEntries.retiredAt,
  version: libraryEntries.version,
};
/** A library entry as staff see it: the table's own row type, less bookkeeping columns. */
export type LibraryEntryRecord = Omit<LibraryEntry, "slug" | "createdAt" | "updatedAt">;

export function listLibraryEntries({
  actor,
  q = "",
  category,
  region,
  retired = false,
  limit = 200,
}: {
  actor: Actor | null;
  q?: string;
  category?: Category;
  region?: BodyRegion;
  retired?: boolean;
  limit?: number;
}): LibraryEntryRecord[] {
  assertCan(actor, "library:read");
  const words = q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6);
  const rows = getDb()
    .select(entryColumns)
    .from(libraryEntries)
    .where(
      and(
        retired ? isNotNull(libraryEntries.retiredAt) : isNull(libraryEntries.retiredAt),
        category ? eq(libraryEntries.category, category) : undefined,
        region
          ? sql`exists (select 1 from json_each(${libraryEntries.bodyRegions}) where value = ${region})`
          : undefined,
        // Every word must appear in the name, summary, category or steps.
        ...words.map(
          (w) =>
            sql`lower(${libraryEntries.name} || ' ' || ${libraryEntries.summary} || ' ' || ${libraryEntries.category} || ' ' || ${libraryEntries.steps}) LIKE ${`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`,
        ),
      ),
    )
    .orderBy(
      sql`case ${libraryEntries.category} ${sql.join(
        categories.map((c, i) => sql`when ${c} then ${i}`),
        sql` `,
      )} end`,
      asc(libraryEntries.name),
    )
    .limit(limit)
    .all();
  return rows;
}

export function getLibraryEntry({ actor, id }: { actor: Actor | null; id: number }): LibraryEntryRecord {
  assertCan(actor, "library:read");
  const row = getDb().select(entryColumns).from(libraryEntries).where(eq(libraryEntries.id, id)).get();
  if (!row) throw new NotFoundError("Library entry");
  return row;
}

/** A new custom entry starts from the category's usual dose; staff then tune it per patient. */
export function createCustomEntry({ actor, input }: { actor: Actor | null; input: LibraryEntryInput }) {
  assertCan(actor, "library:write");
  const kind = kindForCategory[input.category];
  return getDb()
    .insert(libraryEntries)
    .values({
      ...input,
      source: "custom",
      kind,
      defaultDose: defaultDoseFor(kind),
      illustration: null,
      illustrationAlt: "",
    })
    .returning({ id: libraryEntries.id })
    .get();
}

export function updateCustomEntry({
  actor,
  id,
  version,
  input,
}: {
  actor: Actor | null;
  id: number;
  version: number;
  input: LibraryEntryInput;
}) {
  assertCan(actor, "library:write");
  const db = getDb();
  const existing = db
    .select({ source: libraryEntries.source, kind: libraryEntries.kind })
    .from(libraryEntries)
    .where(eq(libraryEntries.id, id))
    .get();
  if (!existing) throw new NotFoundError("Library entry");
  if (existing.source !== "custom") throw new RuleError("Starter entries cannot be edited. Add a custom entry instead.");
  if (kindForCategory[input.category] !== existing.kind)
    throw new RuleError("This entry is already used as a different kind of item; choose a category of the same kind.", "category");
  const result = db
    .update(libraryEntries)
    .set({ ...input, version: sql`${libraryEntries.version} + 1`, updatedAt: new Date() })
    .where(and(eq(libraryEntries.id, id), eq(libraryEntries.version, version)))
    .run();
  if (result.changes === 0) throw new ConflictError();
}

/** Retired entries leave the picker but stay on the plans that already use them. */
export function setEntryRetired({ actor, id, retired }: { actor: Actor | null; id: number; retired: boolean }) {
  assertCan(actor, "library:write");
  const db = getDb();
  const existing = db.select({ source: libraryEntries.source }).from(libraryEntries).where(eq(libraryEntries.id, id)).get();
  if (!existing) throw new NotFoundError("Library entry");
  if (existing.source !== "custom") throw new RuleError("Starter entries cannot be retired.");
  db.update(libraryEntries)
    .set({ retiredAt: retired ? new Date() : null, version: sql`${libraryEntries.version} + 1`, updatedAt: new Date() })
    .where(eq(libraryEntries.id, id))
    .run();
}

export function defaultDoseFor(kind: ItemKind): AnyDose {
  switch (kind) {
    case "exercise":
      return { sets: null, reps: 10, holdSeconds: null, restSeconds: null, side: "both", load: "", timesPerDay: 1, daysPerWeek: 7, note: "" };
    case "walking":
      return { minutes: 10, sessionsPerDay: 1, daysPerWeek: 5, intensity: "talk-test", rpe: null, stepMinutes: null, capMinutes: null, note: "" };
    case "visit":
      return { visitType: "physical-therapy", spans: [{ perWeek: 1, weeks: 1 }], note: "" };
    case "education":
      return { note: "" };
  }
}

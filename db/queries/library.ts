import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { libraryEntries, type LibraryEntry } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/authz";
import type { AnyDose, ItemKind } from "@/lib/dose";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { categories, kindForCategory, type BodyRegion, type Category } from "@/lib/library";
import type { LibraryEntryInput } from "@/lib/schemas/library-entry";
import { audited } from "./audit";
import { nearWords, phraseQuery, prefixQuery, searchPhrases, searchWords } from "@/lib/search-words";

const entryColumns = {
  id: libraryEntries.id,
  source: libraryEntries.source,
  name: libraryEntries.name,
  plainName: libraryEntries.plainName,
  category: libraryEntries.category,
  kind: libraryEntries.kind,
  bodyRegions: libraryEntries.bodyRegions,
  summary: libraryEntries.summary,
  steps: libraryEntries.steps,
  cautions: libraryEntries.cautions,
  defaultDose: libraryEntries.defaultDose,
  conflictsWith: libraryEntries.conflictsWith,
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
  const db = getDb();
  const words = searchWords(q);
  const order = [
    sql`case ${libraryEntries.category} ${sql.join(
      categories.map((c, i) => sql`when ${c} then ${i}`),
      sql` `,
    )} end`,
    asc(libraryEntries.name),
  ];
  const search = (match: string | null) => {
    // The page's ids are picked and sorted first, so only those rows' steps and doses are read.
    const ids = db
      .select({ id: libraryEntries.id })
      .from(libraryEntries)
      .where(
        and(
          retired ? isNotNull(libraryEntries.retiredAt) : isNull(libraryEntries.retiredAt),
          category ? eq(libraryEntries.category, category) : undefined,
          region ? sql`exists (select 1 from json_each(${libraryEntries.bodyRegions}) where value = ${region})` : undefined,
          // Every word must start a word of the name, summary, category or steps (FTS5 index, see migrations 0008 and 0011).
          match === null ? undefined : sql`${libraryEntries.id} in (select rowid from library_fts where library_fts match ${match})`,
        ),
      )
      .orderBy(...order)
      .limit(limit);
    return db
      .select(entryColumns)
      .from(libraryEntries)
      .where(inArray(libraryEntries.id, ids))
      .orderBy(...order)
      .all() as LibraryEntryRecord[];
  };
  if (words.length === 0) return search(null);
  const exact = search(phraseQuery(searchPhrases(q)));
  if (exact.length > 0) return exact;
  const fuzzy = typoTolerantQuery(db, words);
  return fuzzy ? search(fuzzy) : [];
}

/**
 * Nothing matched as typed: swap each word that starts no word of the library
 * for the library's words within a typo or two of it ("hamstrng" -> hamstring).
 * Null when some word is near nothing.
 */
function typoTolerantQuery(db: ReturnType<typeof getDb>, words: string[]): string | null {
  const groups: string[] = [];
  let corrected = false;
  for (const word of words) {
    const known = db.get(sql`select 1 from library_fts_vocab where term >= ${word} and term < ${`${word}\u{10ffff}`} limit 1`);
    if (known) {
      groups.push(prefixQuery([word]));
      continue;
    }
    // Typos rarely hit the first letter: compare with the words that share it (a small slice of the vocabulary).
    const first = String.fromCodePoint(word.codePointAt(0)!);
    const terms = db
      .all<{ term: string }>(sql`select term from library_fts_vocab where term >= ${first} and term < ${`${first}\u{10ffff}`}`)
      .map((r) => r.term);
    const near = nearWords(
      word,
      terms.filter((t) => !/^\d+$/.test(t)),
    );
    if (near.length === 0) return null;
    groups.push(`(${near.map((t) => `"${t}"`).join(" OR ")})`);
    corrected = true;
  }
  return corrected ? groups.join(" AND ") : null;
}

export function getLibraryEntry({ actor, id }: { actor: Actor | null; id: number }): LibraryEntryRecord {
  assertCan(actor, "library:read");
  const row = getDb().select(entryColumns).from(libraryEntries).where(eq(libraryEntries.id, id)).get();
  if (!row) throw new NotFoundError("Library entry");
  return row;
}

/** A new custom entry starts from the category's usual dose; staff then tune it per patient. */
export function createCustomEntry({ actor, input }: { actor: Actor | null; input: LibraryEntryInput }) {
  return audited({ actor, permission: "library:write", action: "library.create" }, (db, ctx) => {
    const kind = kindForCategory[input.category];
    ctx.detail = input.name;
    return db
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
  });
}

export function updateCustomEntry({ actor, id, version, input }: { actor: Actor | null; id: number; version: number; input: LibraryEntryInput }) {
  audited({ actor, permission: "library:write", action: "library.update" }, (db, ctx) => {
    ctx.detail = `entry #${id}: ${input.name}`;
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
  });
}

/** Retired entries leave the picker but stay on the plans that already use them. */
export function setEntryRetired({ actor, id, retired }: { actor: Actor | null; id: number; retired: boolean }) {
  audited({ actor, permission: "library:write", action: retired ? "library.retire" : "library.restore" }, (db, ctx) => {
    const existing = db
      .select({ source: libraryEntries.source, name: libraryEntries.name })
      .from(libraryEntries)
      .where(eq(libraryEntries.id, id))
      .get();
    if (!existing) throw new NotFoundError("Library entry");
    ctx.detail = `entry #${id}: ${existing.name}`;
    if (existing.source !== "custom") throw new RuleError("Starter entries cannot be retired.");
    db.update(libraryEntries)
      .set({ retiredAt: retired ? new Date() : null, version: sql`${libraryEntries.version} + 1`, updatedAt: new Date() })
      .where(eq(libraryEntries.id, id))
      .run();
  });
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

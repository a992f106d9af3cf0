import { eq } from "drizzle-orm";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { getDb, openDatabase, setDbForTests, type Db } from "@/db";
import { libraryEntries } from "@/db/schema";
import type { Actor } from "@/lib/authz";

export const staff: Actor = { userId: "test-therapist", name: "Test therapist", role: "therapist", active: true };
export const admin: Actor = { userId: "test-admin", name: "Test admin", role: "admin", active: true };
export const inactive: Actor = { ...staff, active: false };

export function entryId(slug: string): number {
  const row = getDb().select({ id: libraryEntries.id }).from(libraryEntries).where(eq(libraryEntries.slug, slug)).get();
  if (!row) throw new Error(`no starter entry ${slug}`);
  return row.id;
}

let counter = 0;
/** A unique name per call, so tests never depend on each other's rows. */
export function uniqueName(prefix: string) {
  counter += 1;
  return `${prefix} ${process.pid}-${counter}`;
}

/**
 * Runs `work` against a brand-new migrated database file (no staff, no
 * patients, no library), with the app's query layer pointed at it, then
 * puts the file's own test database back.
 */
export async function withFreshDatabase<T>(work: (db: Db, file: string) => T | Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-fresh-"));
  const file = path.join(dir, "fresh.db");
  const previous = getDb();
  const db = openDatabase(file);
  setDbForTests(db);
  try {
    return await work(db, file);
  } finally {
    setDbForTests(previous);
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

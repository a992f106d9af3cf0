import { eq } from "drizzle-orm";
import { getDb } from "@/db";
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

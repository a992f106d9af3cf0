import Database from "better-sqlite3";
import type { Db } from "@/db";

/**
 * Online backup through SQLite's backup API (safe while the app is writing),
 * then `PRAGMA integrity_check` on the copy: a backup that does not check out is
 * reported, not trusted.
 */
export async function backupDatabase(db: Db, destination: string): Promise<{ pages: number; integrity: string }> {
  const { totalPages } = await db.$client.backup(destination);
  const copy = new Database(destination, { readonly: true });
  try {
    const integrity = String(copy.pragma("integrity_check", { simple: true }));
    return { pages: totalPages, integrity };
  } finally {
    copy.close();
  }
}

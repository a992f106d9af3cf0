import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import fs from "node:fs";
import path from "node:path";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The database or a transaction on it: what helpers inside a transaction take. */
export type Executor = BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema>;

/** The database file: STRIDE_DB_PATH, or data/stride.db beside the app. */
export function databasePath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.STRIDE_DB_PATH ?? path.join(process.cwd(), "data", "stride.db"));
}

export const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), "db", "migrations");

/**
 * Opens a connection with the durability settings SECURITY.md asks for, and
 * checks that SQLite really took them: a silently ignored pragma would mean
 * lost commits on power loss or orphaned rows.
 */
export function openDatabase(file: string, options: { migrate?: boolean } = {}): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  assertPragma(sqlite, "journal_mode", "wal");
  assertPragma(sqlite, "synchronous", 2);
  assertPragma(sqlite, "foreign_keys", 1);
  assertPragma(sqlite, "busy_timeout", 5000);
  const db = drizzle(sqlite, { schema }) as Db;
  if (options.migrate !== false) migrate(db, { migrationsFolder });
  return db;
}

function assertPragma(sqlite: Database.Database, name: string, expected: string | number) {
  const actual = sqlite.pragma(name, { simple: true });
  if (actual !== expected) {
    sqlite.close();
    throw new Error(`SQLite pragma ${name} is ${String(actual)}, expected ${String(expected)}`);
  }
}

const globalForDb = globalThis as unknown as { strideDb?: Db };

/** The app's one connection, opened (and migrated) on first use. */
export function getDb(): Db {
  if (!globalForDb.strideDb) globalForDb.strideDb = openDatabase(databasePath());
  return globalForDb.strideDb;
}

/** Lets integration tests point the app's query layer at their own file. */
export function setDbForTests(db: Db | undefined) {
  globalForDb.strideDb = db;
}

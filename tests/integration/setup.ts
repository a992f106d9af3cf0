import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { openDatabase, setDbForTests } from "@/db";
import { seedDatabase } from "@/db/seed";

/**
 * Each test file gets its own real SQLite file, migrated with the committed
 * migrations and seeded with the real starter library: no mocks of the database.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-test-"));
const file = path.join(dir, "test.db");
const db = openDatabase(file);
await seedDatabase(db, { demo: false });
setDbForTests(db);

afterAll(() => {
  setDbForTests(undefined);
  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

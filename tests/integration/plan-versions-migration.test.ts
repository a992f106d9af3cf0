import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDb, migrationsFolder, openDatabase, setDbForTests } from "@/db";
import { documentOf, getPlan } from "@/db/queries/plans";
import { describeDose } from "@/lib/dose-wording";
import { readDocument } from "@/lib/plan-document";
import { staff } from "./helpers";

/** The tag of the last migration before plan versions existed. */
const BEFORE_VERSIONS = "0003_share_links_and_logs";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-upgrade-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of the migrations folder that stops at `lastTag`: the database an older release built. */
function migrationsUpTo(lastTag: string): string {
  const folder = path.join(dir, "migrations");
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  expect(last).toBeGreaterThanOrEqual(0);
  journal.entries = journal.entries.slice(0, last + 1);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

describe("upgrading a database built before plan versions", () => {
  it("issues v1 for every active plan exactly as the app builds it, and nothing for drafts or empty plans", () => {
    const file = path.join(dir, "old.db");
    const old = new Database(file);
    migrate(drizzle(old), { migrationsFolder: migrationsUpTo(BEFORE_VERSIONS) });
    const exercise = JSON.stringify({
      sets: 2,
      reps: 8,
      holdSeconds: null,
      restSeconds: null,
      side: "both",
      load: "",
      timesPerDay: 1,
      daysPerWeek: 7,
      note: "Slowly.",
    });
    const walking = JSON.stringify({
      minutes: 10,
      sessionsPerDay: 1,
      daysPerWeek: 5,
      intensity: "talk-test",
      rpe: null,
      stepMinutes: 5,
      capMinutes: 30,
      note: "",
    });
    old.exec(`
      INSERT INTO library_entries (id, slug, source, name, category, kind, body_regions, summary, steps, cautions, default_dose, illustration, illustration_alt)
      VALUES (1, 'bird-dog', 'starter', 'Bird dog', 'strengthen', 'exercise', '["core"]', 'Steady core.', '["Kneel on all fours.","Reach out."]', '["Stop if it hurts."]', '${exercise}', 'bird-dog.svg', 'A person on all fours'),
             (2, 'steady-walk', 'starter', 'Steady walk', 'walking', 'walking', '["whole-body"]', '', '["Walk."]', '[]', '${walking}', NULL, ''),
             (3, NULL, 'custom', 'Our own "quoted" stretch', 'stretch', 'exercise', '["legs"]', '', '["Line with \\\\ and ''quotes''."]', '[]', '${exercise}', NULL, '');
      INSERT INTO patients (id, name, name_key) VALUES (1, 'Old patient', 'old patient');
      INSERT INTO plans (id, patient_id, title, goal, start_date, weeks, precautions, status)
      VALUES (1, 1, 'Active plan', 'Walk the dog', '2026-03-02', 6, 'Osteoporosis', 'active'),
             (2, 1, 'Draft plan', '', '2026-03-02', 6, '', 'draft'),
             (3, 1, 'Empty active plan', '', '2026-03-02', 6, '', 'active');
      INSERT INTO plan_items (id, plan_id, library_entry_id, kind, position, dose)
      VALUES (10, 1, 2, 'walking', 0, '${walking}'), (11, 1, 1, 'exercise', 2, '${exercise}'), (12, 1, 3, 'exercise', 1, '${exercise}'),
             (13, 2, 1, 'exercise', 0, '${exercise}');
    `);
    old.close();

    const upgraded = openDatabase(file);
    const rows = upgraded.$client
      .prepare("SELECT plan_id, number, document, issued_by, issued_by_name FROM plan_versions ORDER BY plan_id")
      .all() as {
      plan_id: number;
      number: number;
      document: string;
      issued_by: string | null;
      issued_by_name: string;
    }[];
    expect(rows.map((r) => [r.plan_id, r.number, r.issued_by])).toEqual([[1, 1, null]]);
    const v1 = readDocument(rows[0].document);
    expect(v1.items.map((i) => i.entry.name)).toEqual(["Steady walk", 'Our own "quoted" stretch', "Bird dog"]);
    expect(v1.items[1].entry.steps).toEqual(["Line with \\ and 'quotes'."]);
    // The starter flag reached the existing entry, so the old plan now reads "each side".
    expect(describeDose(v1.items[2])).toBe("Do 2 rounds of 8 repeats, each side. Do this once a day, every day.");

    // The SQL-built document equals what the app's own builder makes of the same rows.
    const testDb = getDb();
    setDbForTests(upgraded);
    try {
      const plan = getPlan({ actor: staff, id: 1 });
      expect(documentOf(plan, plan.items)).toEqual(v1);
      expect(plan.issued).toMatchObject({ number: 1, unissuedChanges: false });
    } finally {
      setDbForTests(testDb);
      upgraded.$client.close();
    }
  });
});

/**
 * Benchmarks (npm run bench): prints figures, never fails on time.
 * Patient search and paging with 10,000 patients, loading a full plan and reading an issued version,
 * against a real migrated SQLite file.
 */
import type { PatientCursor } from "../../lib/schemas/patient";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase, setDbForTests } from "../../db";
import { patients } from "../../db/schema";
import { seedDatabase } from "../../db/seed";

const PATIENTS = 10_000;

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-bench-"));
  const db = openDatabase(path.join(dir, "bench.db"));
  await seedDatabase(db, { demo: true });
  setDbForTests(db);
  const { listPatients } = await import("../../db/queries/patients");
  const { getPlan } = await import("../../db/queries/plans");
  const { issuePlanVersion, readLatestVersion, versionForHandout } = await import("../../db/queries/plan-versions");
  const actor = { userId: "bench", name: "bench", role: "admin" as const, active: true };

  const first = ["Ada", "Ben", "Cleo", "Dev", "Esme", "Farid", "Gwen", "Hugo", "Iris", "Jonah"];
  const last = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Silva", "Novak", "Reyes", "Haddad", "Kowalski", "Byrne"];
  const t0 = performance.now();
  db.transaction((tx) => {
    for (let i = 0; i < PATIENTS; i++) {
      const name = `${first[i % 10]} ${last[Math.floor(i / 10) % 10]} ${i}`;
      tx.insert(patients).values({ name, nameKey: name.toLowerCase() }).run();
    }
  });
  const insertMs = performance.now() - t0;

  function time(label: string, runs: number, fn: () => unknown) {
    fn();
    const start = performance.now();
    for (let i = 0; i < runs; i++) fn();
    const per = (performance.now() - start) / runs;
    console.log(`${label.padEnd(44)} ${per.toFixed(3)} ms/op (${runs} runs)`);
  }

  console.log(`inserted ${PATIENTS} patients in ${insertMs.toFixed(0)} ms`);
  time("list patients, first page, no search", 200, () => listPatients({ actor }));
  time("list patients, first page, with progress", 200, () => listPatients({ actor, withProgress: true }));
  let page200: PatientCursor | undefined;
  for (let i = 1; i < 200; i++) page200 = listPatients({ actor, after: page200 }).next ?? undefined;
  time("list patients, page 200 (by cursor)", 200, () => listPatients({ actor, after: page200 }));
  time("search patients 'lindq'", 200, () => listPatients({ actor, q: "lindq" }));
  time("search patients, rare '9999'", 200, () => listPatients({ actor, q: "9999" }));
  time("load the demo plan with its items", 500, () => getPlan({ actor, id: 1 }));
  // An issued version: one row, its JSON parsed and checked against the plan document schema. Target < 2 ms.
  issuePlanVersion({ actor, planId: 1 });
  time("read an issued version (parse + schema check)", 2000, () => readLatestVersion(db, 1));
  time("read a version for a reprint (audited)", 1000, () => versionForHandout({ actor, planId: 1, number: 1, purpose: "version" }));
  const mem = process.memoryUsage();
  console.log(`rss ${(mem.rss / 1048576).toFixed(1)} MiB, heap used ${(mem.heapUsed / 1048576).toFixed(1)} MiB`);

  db.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

void main();

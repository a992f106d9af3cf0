/**
 * Builds the bench's scratch database: the demo clinic plus 100,000 patients,
 * 300,000 plans with 3,000,000 items, 10,000 library entries and 1,000,000
 * audit rows. Generated with prepared statements in big transactions; the
 * scratch build alone runs with synchronous=OFF (the server reopens the file
 * with the app's own settings). Deterministic, so runs compare.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { openDatabase } from "../../db";
import { seedDatabase } from "../../db/seed";

export const SCALE = { patients: 100_000, plansPerPatient: 3, itemsPerPlan: 10, library: 10_000, audit: 1_000_000 };

const FIRST = [
  "Ada",
  "Ben",
  "Cleo",
  "Dev",
  "Esme",
  "Farid",
  "Gwen",
  "Hugo",
  "Iris",
  "Jonah",
  "Kemal",
  "Lena",
  "Marta",
  "Nils",
  "Oona",
  "Pavel",
  "Quinn",
  "Rosa",
  "Sami",
  "Tove",
];
const LAST = [
  "Okafor",
  "Lindqvist",
  "Moreau",
  "Tanaka",
  "Silva",
  "Novak",
  "Reyes",
  "Haddad",
  "Kowalski",
  "Byrne",
  "Achebe",
  "Berg",
  "Castillo",
  "Duarte",
  "Eriksen",
  "Fischer",
  "Garcia",
  "Holm",
  "Ito",
  "Jansen",
];
const WORDS = ["gentle", "seated", "standing", "wall", "band", "towel", "lying", "kneeling", "slow", "supported", "single", "double"];
const MOVES = [
  "hamstring stretch",
  "calf raise",
  "bridge",
  "bird dog",
  "chin tuck",
  "cat camel",
  "side plank",
  "wall sit",
  "pelvic tilt",
  "hip flexor stretch",
  "piriformis stretch",
  "dead bug",
  "shoulder blade squeeze",
  "doorway chest stretch",
];

/** Patient number i's name: "Ada Okafor 12345" (the number makes a rare search possible). */
export function benchPatientName(i: number) {
  return `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]} ${i}`;
}

export async function buildBenchDatabase(file: string, log: (line: string) => void = console.log) {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const t0 = performance.now();
  const db = openDatabase(file);
  await seedDatabase(db, { demo: true });
  db.$client.close();

  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -200000");
  sqlite.pragma("foreign_keys = OFF");
  const starter = sqlite.prepare("select id, kind, default_dose as dose from library_entries order by id").all() as {
    id: number;
    kind: string;
    dose: string;
  }[];
  const now = Math.floor(Date.now() / 1000);

  const insertEntry = sqlite.prepare(
    "insert into library_entries (source, name, category, kind, body_regions, summary, steps, cautions, default_dose, illustration_alt) values ('custom', ?, ?, ?, ?, ?, ?, '[]', ?, '')",
  );
  const exercise = starter.find((e) => e.kind === "exercise")!;
  sqlite.transaction(() => {
    for (let i = starter.length; i < SCALE.library; i++) {
      const move = MOVES[i % MOVES.length];
      const name = `${WORDS[i % WORDS.length]} ${move} ${i}`;
      insertEntry.run(
        name[0].toUpperCase() + name.slice(1),
        move.includes("stretch") ? "stretch" : "strengthen",
        "exercise",
        '["low-back"]',
        `A clinic's own ${move}.`,
        JSON.stringify([`Get ready for the ${move}.`, "Move slowly."]),
        exercise.dose,
      );
    }
  })();
  const entries = sqlite
    .prepare("select id, kind, default_dose as dose from library_entries where retired_at is null order by id")
    .all() as typeof starter;
  const exerciseEntries = entries.filter((e) => e.kind === "exercise");

  const insertPatient = sqlite.prepare("insert into patients (id, name, name_key, date_of_birth, phone, condition) values (?, ?, ?, ?, ?, ?)");
  const insertPlan = sqlite.prepare("insert into plans (id, patient_id, title, start_date, weeks, status) values (?, ?, ?, ?, ?, ?)");
  const insertItem = sqlite.prepare("insert into plan_items (plan_id, library_entry_id, kind, position, dose) values (?, ?, ?, ?, ?)");
  const firstPatient = (sqlite.prepare("select coalesce(max(id), 0) + 1 as n from patients").get() as { n: number }).n;
  const firstPlan = (sqlite.prepare("select coalesce(max(id), 0) + 1 as n from plans").get() as { n: number }).n;
  const statuses = ["completed", "active", "draft"];
  const batch = 10_000;
  for (let start = 0; start < SCALE.patients; start += batch) {
    sqlite.transaction(() => {
      for (let i = start; i < Math.min(SCALE.patients, start + batch); i++) {
        const pid = firstPatient + i;
        const name = benchPatientName(i);
        insertPatient.run(
          pid,
          name,
          name.toLowerCase(),
          `19${40 + (i % 60)}-0${1 + (i % 9)}-1${i % 10}`,
          `(555) 01${i % 10}-${String(i % 10000).padStart(4, "0")}`,
          "Low-back pain",
        );
        for (let p = 0; p < SCALE.plansPerPatient; p++) {
          const planId = firstPlan + i * SCALE.plansPerPatient + p;
          insertPlan.run(planId, pid, `Plan ${p + 1}`, `2026-0${1 + p * 3}-05`, 6, statuses[p]);
          for (let k = 0; k < SCALE.itemsPerPlan; k++) {
            const e = exerciseEntries[(i * 7 + p * 13 + k * 31) % exerciseEntries.length];
            insertItem.run(planId, e.id, e.kind, k, e.dose);
          }
        }
      }
    })();
  }
  log(`patients, plans and items in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const insertAudit = sqlite.prepare(
    "insert into audit_events (at, actor_id, actor_name, action, patient_id, plan_id, outcome, detail) values (?, ?, ?, ?, ?, ?, 'ok', '')",
  );
  const actions = ["patient.view", "plan.view", "plan.item.dose", "plan.list", "plan.print"];
  for (let start = 0; start < SCALE.audit; start += 50_000) {
    sqlite.transaction(() => {
      for (let n = start; n < start + 50_000; n++) {
        // Spread over the last 200 days, oldest first, on patients scattered across the list.
        const i = (n * 7919) % SCALE.patients;
        insertAudit.run(
          now - Math.floor(((SCALE.audit - n) * 200 * 86_400) / SCALE.audit),
          "bench-staff",
          "Bench therapist",
          actions[n % actions.length],
          firstPatient + i,
          firstPlan + i * SCALE.plansPerPatient + 1,
        );
      }
    })();
  }
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.exec("analyze");
  sqlite.close();
  log(`scratch database built in ${((performance.now() - t0) / 1000).toFixed(1)} s (${(fs.statSync(file).size / 1048576).toFixed(0)} MiB)`);
  return { firstPatient, firstPlan };
}

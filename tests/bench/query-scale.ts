/**
 * Query-layer times on the HTTP bench's scratch database (100,000 patients,
 * 3,000,000 items, 1,000,000 audit rows): the server-side share of each page,
 * without rendering or HTTP. Run after tests/bench/http.ts has built the file:
 * `npx tsx --conditions=react-server tests/bench/query-scale.ts`. Each figure
 * includes the read's own audit row (an fsync with synchronous=FULL).
 */
import type { PatientCursor } from "../../lib/schemas/patient";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase, setDbForTests } from "../../db";

const file = path.resolve(__dirname, "../.tmp/bench/bench.db");

async function main() {
  if (!fs.existsSync(file)) throw new Error("Run npm run bench first: it builds the scratch database.");
  setDbForTests(openDatabase(file));
  const { listPatients, getPatient } = await import("../../db/queries/patients");
  const { getPlan, listPlansForPatient } = await import("../../db/queries/plans");
  const { listLibraryEntries } = await import("../../db/queries/library");
  const { listAuditEvents } = await import("../../db/queries/audit");
  const actor = { userId: "bench", name: "bench", role: "admin" as const, active: true };
  const patientId = 2 + 50_000;
  const planId = 2 + 50_000 * 3 + 1;
  const time = (label: string, runs: number, fn: () => unknown) => {
    fn();
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      fn();
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    console.log(`| ${label} | ${ms[Math.floor(runs / 2)].toFixed(2)} | ${ms[Math.floor(runs * 0.95)].toFixed(2)} |`);
  };
  console.log("| query (100k patients) | p50 ms | p95 ms |\n| --- | --- | --- |");
  time("patient list, first page", 50, () => listPatients({ actor }));
  time("patient list, first page, with progress", 50, () => listPatients({ actor, withProgress: true }));
  // Deep pages are reached by cursor, as the pager does: walk there once, then time the page read.
  const cursorAt = (page: number) => {
    let after: PatientCursor | undefined;
    for (let i = 1; i < page; i++) after = listPatients({ actor, after }).next ?? undefined;
    return after;
  };
  const [p500, p4000] = [cursorAt(500), cursorAt(4000)];
  time("patient list, page 500", 50, () => listPatients({ actor, after: p500 }));
  time("patient list, page 4000 (last)", 50, () => listPatients({ actor, after: p4000 }));
  time("patient list, back from page 500", 50, () => listPatients({ actor, before: p500 }));
  time("name search '99999'", 50, () => listPatients({ actor, q: "99999" }));
  time("name search 'lindq'", 50, () => listPatients({ actor, q: "lindq" }));
  time("name search 'li' (2 letters, scan)", 50, () => listPatients({ actor, q: "li" }));
  time("patient record", 50, () => getPatient({ actor, id: patientId }));
  time("plans of a patient", 50, () => listPlansForPatient({ actor, patientId }));
  time("plan with items", 50, () => getPlan({ actor, id: planId }));
  time("library search 'hamstring'", 50, () => listLibraryEntries({ actor, q: "hamstring", limit: 50 }));
  time("library search 'hamstrng' (typo)", 50, () => listLibraryEntries({ actor, q: "hamstrng", limit: 50 }));
  time("library, no search", 50, () => listLibraryEntries({ actor, limit: 50 }));
  time("audit log, one patient", 50, () => listAuditEvents({ actor, patientId }));
  time("audit log, one staff member", 50, () => listAuditEvents({ actor, actorId: "bench-staff" }));
  const newest = listAuditEvents({ actor }).rows[0].id;
  time("audit log, everything, page 100", 50, () => listAuditEvents({ actor, older: newest - 99 * 50 }));
  time("audit log, everything, page 10,000", 50, () => listAuditEvents({ actor, older: newest - 9_999 * 50 }));
}

void main();

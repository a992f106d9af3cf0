/**
 * HTTP bench (second half of npm run bench): builds the scratch database at
 * clinic-chain scale, starts the production server on it, signs in, and
 * measures each page against "Next static": the same bytes put in public/
 * under a bench-only name and served by the same server. Prints one table,
 * writes JSON under bench/results/. Never fails on time.
 *
 * BENCH_SECONDS (default 4) per round, BENCH_ROUNDS (2, Stride and static
 * interleaved), BENCH_CONNECTIONS (20), BENCH_PORT (3206), BENCH_REUSE_DB=1
 * keeps an already built scratch database, BENCH_ONLY=link,print measures only
 * the rows with those keys.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { DEMO_PASSWORD, demoStaff } from "../../db/seed";
import { PATIENT_PAGE_SIZE } from "../../db/queries/patients";
import { encodePatientCursor, type PatientCursor } from "../../lib/schemas/patient";
import { hashShareToken, newShareToken } from "../../lib/share-token";
import { actionId, actionRequest, hasProductionBuild, signIn, startServer, treeRssMiB, type AppServer } from "../support/app-server";
import { benchPatientName, buildBenchDatabase, SCALE } from "./build-db";
import { runLoad, type LoadRequest, type LoadResult } from "./load";

const root = path.resolve(__dirname, "../..");
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3206);
const dbFile = path.join(root, "tests", ".tmp", "bench", "bench.db");
const staticPrefix = "bench-static-";
const ONLY = (process.env.BENCH_ONLY ?? "").split(",").filter(Boolean);

type Target = { key: string; label: string; req: (cookie: string, base: string) => LoadRequest; okStatus?: number[]; target?: string };
type Row = {
  key: string;
  label: string;
  stride: LoadResult;
  static: LoadResult;
  single: LoadResult;
  ratio: number;
  rssMiB: number;
  bytes: number;
  target?: string;
};

function merge(results: LoadResult[]): LoadResult {
  const sum = (f: (r: LoadResult) => number) => results.reduce((a, r) => a + f(r), 0);
  return {
    requests: sum((r) => r.requests),
    errors: sum((r) => r.errors),
    statuses: Object.assign({}, ...results.map((r) => r.statuses)),
    seconds: sum((r) => r.seconds),
    rps: sum((r) => r.requests) / sum((r) => r.seconds),
    p50: sum((r) => r.p50) / results.length,
    p95: Math.max(...results.map((r) => r.p95)),
    p99: Math.max(...results.map((r) => r.p99)),
  };
}

async function main() {
  if (!hasProductionBuild()) {
    console.log("No production build yet: running npm run build");
    execFileSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  }
  const { firstPatient, firstPlan } =
    process.env.BENCH_REUSE_DB === "1" && fs.existsSync(dbFile) ? { firstPatient: 2, firstPlan: 2 } : await buildBenchDatabase(dbFile);

  // A patient in the middle of the list, their active plan, and a live link for them.
  const n = SCALE.patients / 2;
  const patientId = firstPatient + n;
  const planId = firstPlan + n * SCALE.plansPerPatient + 1;
  const token = newShareToken();
  const raw = new Database(dbFile);
  const item = raw.prepare("select id, dose from plan_items where plan_id = ? order by position limit 1").get(planId) as { id: number; dose: string };
  raw
    .prepare(
      "insert into share_links (patient_id, token_hash, created_by, created_at, expires_at) values (?, ?, 'bench', unixepoch(), unixepoch() + 86400)",
    )
    .run(patientId, hashShareToken(token));
  // Page 500 of the list, reached by cursor as the pager does: the row that ends page 499.
  const p500 = raw
    .prepare("select name_key as key, id from patients where archived_at is null order by name_key, id limit 1 offset ?")
    .get(499 * PATIENT_PAGE_SIZE - 1) as PatientCursor;
  raw.close();
  const dose = JSON.parse(item.dose) as Record<string, unknown>;
  let flip = 0;
  const doseAction = actionId("updatePlanItemDoseAction");

  const allTargets: Target[] = [
    { key: "patients", label: "patient list, first page", req: () => ({ url: "/patients" }), target: "≥ 0.3 × static" },
    {
      key: "patients-p500",
      label: "patient list, page 500",
      req: () => ({ url: `/patients?${new URLSearchParams({ after: encodePatientCursor(p500) })}` }),
      target: "p95 @1 < 100 ms",
    },
    { key: "patients-q", label: "patient name search '99999'", req: () => ({ url: "/patients?q=99999" }), target: "p95 @1 < 100 ms" },
    { key: "editor", label: "plan editor load", req: () => ({ url: `/plans/${planId}` }), target: "≥ 0.3 × static" },
    {
      key: "dose",
      label: "dose change (server action)",
      req: (cookie, base) => {
        // As the browser sends it from the editor page, Origin included (Next refuses a cross-origin action call).
        const r = actionRequest(base, cookie, doseAction, []);
        return {
          url: "/plans/" + planId,
          method: "POST",
          headers: r.headers,
          body: () => JSON.stringify([planId, item.id, { ...dose, reps: 10 + (flip++ % 5) }]),
        };
      },
      target: "p95 < 50 ms",
    },
    { key: "library", label: "library search 'hamstring'", req: () => ({ url: "/api/library?q=hamstring" }), target: "server < 20 ms" },
    { key: "library-typo", label: "library search 'hamstrng' (typo)", req: () => ({ url: "/api/library?q=hamstrng" }), target: "server < 20 ms" },
    { key: "print", label: "print handout", req: () => ({ url: `/plans/${planId}/print` }), target: "≥ 0.5 × static" },
    { key: "link", label: "patient link page", req: () => ({ url: `/p/${token}` }), target: "≥ 0.5 × static" },
    { key: "audit", label: "audit log, one patient", req: () => ({ url: `/admin/audit?patient=${patientId}` }), target: "p95 @1 < 100 ms" },
  ];
  const targets = ONLY.length ? allTargets.filter((t) => ONLY.includes(t.key)) : allTargets;

  const admin = demoStaff.find((s) => s.role === "admin")!;
  // First start: fetch each answer's bytes and put them in public/ for the static comparison.
  let server: AppServer = await startServer({ dbFile, port: PORT, timeoutMs: 180_000 });
  const staticFiles: string[] = [];
  const bytes = new Map<string, number>();
  try {
    const cookie = await signIn(server.base, admin.email, DEMO_PASSWORD);
    for (const t of targets) {
      const r = t.req(cookie, server.base);
      const res = await fetch(server.base + r.url, {
        method: r.method ?? "GET",
        headers: { ...r.headers, Cookie: cookie },
        body: typeof r.body === "function" ? r.body() : r.body,
        redirect: "manual",
      });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) console.warn(`warning: ${t.label} answered ${res.status}`);
      const file = path.join(root, "public", `${staticPrefix}${t.key}.html`);
      fs.writeFileSync(file, body);
      staticFiles.push(file);
      bytes.set(t.key, body.length);
    }
  } finally {
    await server.stop();
  }

  const rows: Row[] = [];
  try {
    server = await startServer({ dbFile, port: PORT, timeoutMs: 180_000 });
    const cookie = await signIn(server.base, admin.email, DEMO_PASSWORD);
    let rss = 0;
    const sampler = setInterval(() => (rss = Math.max(rss, treeRssMiB(server.pid))), 250);
    for (const t of targets) {
      rss = 0;
      const r = t.req(cookie, server.base);
      const stride: LoadRequest = { ...r, url: server.base + r.url, headers: { ...r.headers, Cookie: cookie } };
      const stat: LoadRequest = { url: `${server.base}/${staticPrefix}${t.key}.html` };
      await runLoad(stride, { connections: 2, seconds: 0.5 });
      const single = await runLoad(stride, { connections: 1, seconds: Math.min(2, SECONDS) });
      const s: LoadResult[] = [];
      const st: LoadResult[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        s.push(await runLoad(stride, { connections: CONNECTIONS, seconds: SECONDS }));
        st.push(await runLoad(stat, { connections: CONNECTIONS, seconds: SECONDS }));
      }
      const row: Row = {
        key: t.key,
        label: t.label,
        stride: merge(s),
        static: merge(st),
        single,
        ratio: 0,
        rssMiB: rss,
        bytes: bytes.get(t.key) ?? 0,
        target: t.target,
      };
      row.ratio = row.stride.rps / row.static.rps;
      rows.push(row);
      console.log(`  measured ${t.label}${row.stride.errors ? ` (answers: ${JSON.stringify(row.stride.statuses)})` : ""}`);
    }
    clearInterval(sampler);
  } finally {
    await server.stop();
    for (const f of staticFiles) fs.rmSync(f, { force: true });
  }

  const fmt = (v: number, d = 0) => (Number.isFinite(v) ? v.toFixed(d) : "-");
  console.log(
    `\nHTTP, ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s rounds interleaved with Next static of the same bytes; "@1" = one connection (≈ server time)`,
  );
  console.log(
    `scale: ${SCALE.patients} patients, ${SCALE.patients * SCALE.plansPerPatient} plans, ${SCALE.patients * SCALE.plansPerPatient * SCALE.itemsPerPlan} items, ${SCALE.library} library entries, ${SCALE.audit} audit rows; sample patient "${benchPatientName(n)}"`,
  );
  console.log("| page | req/s | p50 ms | p99 ms | static req/s | static p99 ms | ratio | p50 @1 | p95 @1 | errors | RSS MiB | target |");
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const r of rows)
    console.log(
      `| ${r.label} | ${fmt(r.stride.rps)} | ${fmt(r.stride.p50, 1)} | ${fmt(r.stride.p99, 1)} | ${fmt(r.static.rps)} | ${fmt(r.static.p99, 1)} | ${fmt(r.ratio, 2)} | ${fmt(r.single.p50, 1)} | ${fmt(r.single.p95, 1)} | ${r.stride.errors + r.single.errors} | ${fmt(r.rssMiB)} | ${r.target ?? ""} |`,
    );
  const out = path.join(root, "bench", "results");
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `http-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify({ at: new Date().toISOString(), connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, scale: SCALE, rows }, null, 2),
  );
  console.log(`\nwritten to ${path.relative(root, file)}`);
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

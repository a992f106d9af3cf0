import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db";
import { issueDraft } from "@/db/queries/plan-versions";
import { libraryEntries, patients, planItems, plans, shareLinks } from "@/db/schema";
import { DEMO_PASSWORD, demoStaff, seedDatabase } from "@/db/seed";
import { hashShareToken, newShareToken } from "@/lib/share-token";
import { actionId, callAction, hasProductionBuild, signIn, startServer } from "../support/app-server";

/**
 * kill -9 of the production server in the middle of a burst of concurrent
 * writes, 20 times over: dose changes through the server action, ticks and
 * pain entries through the patient link's form POST. After each kill the file
 * must pass PRAGMA integrity_check and hold every write that was answered as
 * saved. Takes about 1-3 minutes on 2 cores (mostly the 20 server starts).
 */
const ROUNDS = 20;
const WORKERS = 8;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-kill-server-"));
const file = path.join(dir, "kill.db");
const token = newShareToken();
let planId = 0;
let exerciseItems: number[] = [];
let baseDose: Record<string, unknown> = {};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

beforeAll(async () => {
  // CI builds before Vitest (scripts/test.sh); a bare checkout builds here once.
  if (!hasProductionBuild()) execFileSync("npm", ["run", "build"], { stdio: "inherit" });
  const db = openDatabase(file);
  await seedDatabase(db, { demo: true });
  const patient = db.insert(patients).values({ name: "Kill Test Patient", nameKey: "kill test patient" }).returning({ id: patients.id }).get();
  planId = db
    .insert(plans)
    .values({ patientId: patient.id, title: "Kill plan", startDate: "2026-01-05", weeks: 8, status: "active" })
    .returning({ id: plans.id })
    .get().id;
  const entries = db
    .select({ id: libraryEntries.id, kind: libraryEntries.kind, dose: libraryEntries.defaultDose })
    .from(libraryEntries)
    .where(eq(libraryEntries.kind, "exercise"))
    .all()
    .slice(0, WORKERS);
  baseDose = entries[0].dose as Record<string, unknown>;
  exerciseItems = entries.map(
    (e, position) =>
      db.insert(planItems).values({ planId, libraryEntryId: e.id, kind: "exercise", position, dose: e.dose }).returning({ id: planItems.id }).get()
        .id,
  );
  // An active plan is one the patient was given: its link shows (and takes ticks against) the newest issued version.
  issueDraft(db, planId, { userId: "kill-test", name: "Kill test" });
  const now = new Date();
  db.insert(shareLinks)
    .values({ patientId: patient.id, tokenHash: hashShareToken(token), createdAt: now, expiresAt: new Date(now.getTime() + 86_400_000) })
    .run();
  db.$client.close();
}, 600_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Acks = { dose: number; tick: number; pain: number; lastNote: Map<number, number> };

async function burst(base: string, cookie: string, doseAction: string, acks: Acks, stopAt: () => boolean, seq: { n: number }) {
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, w) => {
      // Each worker owns one item, so its dose notes only grow: the file must hold the last one acknowledged (or a later one).
      const itemId = exerciseItems[w];
      for (let i = 0; !stopAt(); i++) {
        const n = ++seq.n;
        try {
          if (i % 3 === 0) {
            const res = await callAction(base, cookie, doseAction, [planId, itemId, { ...baseDose, note: `seq ${n}` }]);
            if (res.ok) {
              acks.dose++;
              acks.lastNote.set(itemId, Math.max(acks.lastNote.get(itemId) ?? 0, n));
            }
          } else {
            const body =
              i % 3 === 1
                ? new URLSearchParams({ kind: i % 2 ? "done" : "undo", itemId: String(itemId) })
                : new URLSearchParams({ kind: "pain", score: String(n % 11), comment: `seq ${n}` });
            const res = await fetch(`${base}/p/${token}/log`, { method: "POST", body, redirect: "manual", headers: { Origin: base } });
            await res.arrayBuffer();
            if (res.status === 303 && (res.headers.get("location") ?? "").includes("saved=")) {
              if (body.get("kind") === "pain") acks.pain++;
              else acks.tick++;
            }
          }
        } catch {
          // The server died under this request: no answer, so nothing is promised.
        }
      }
    }),
  );
}

describe("kill -9 of the production server under concurrent writes", () => {
  it(`keeps every answered write and an intact file over ${ROUNDS} kills`, async () => {
    const doseAction = actionId("updatePlanItemDoseAction");
    const admin = demoStaff.find((s) => s.role === "admin")!;
    const acks: Acks = { dose: 0, tick: 0, pain: 0, lastNote: new Map() };
    const seq = { n: 0 };
    let cookie = "";
    const started = Date.now();
    for (let round = 0; round < ROUNDS; round++) {
      const server = await startServer({ dbFile: file, port: await freePort(), detached: true });
      // Sessions live in the database, so one sign-in carries across restarts.
      if (!cookie) cookie = await signIn(server.base, admin.email, DEMO_PASSWORD);
      const before = acks.dose + acks.tick + acks.pain;
      let killed = false;
      const writing = burst(server.base, cookie, doseAction, acks, () => killed, seq);
      // Kill once this round has had some answers, at a varying moment mid-burst.
      const waitFor = 5 + (round % 5) * 4;
      const deadline = Date.now() + 15_000;
      while (acks.dose + acks.tick + acks.pain - before < waitFor && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => setTimeout(r, (round * 37) % 60));
      await server.stop("SIGKILL");
      killed = true;
      await writing;

      const raw = new Database(file);
      try {
        expect(raw.pragma("integrity_check", { simple: true })).toBe("ok");
        const audit = (action: string) =>
          (raw.prepare("select count(*) as n from audit_events where action like ? and outcome = 'ok'").get(action) as { n: number }).n;
        expect(audit("plan.item.dose")).toBeGreaterThanOrEqual(acks.dose);
        expect(audit("share.log.done") + audit("share.log.undo")).toBeGreaterThanOrEqual(acks.tick);
        expect(audit("share.log.pain")).toBeGreaterThanOrEqual(acks.pain);
        for (const [itemId, n] of acks.lastNote) {
          const row = raw.prepare("select dose from plan_items where id = ?").get(itemId) as { dose: string };
          expect(Number(/seq (\d+)/.exec(JSON.parse(row.dose).note)?.[1] ?? 0)).toBeGreaterThanOrEqual(n);
        }
      } finally {
        raw.close();
      }
    }
    expect(acks.dose).toBeGreaterThan(ROUNDS);
    expect(acks.tick + acks.pain).toBeGreaterThan(ROUNDS);
    console.log(
      `kill -9 test: ${ROUNDS} rounds, ${acks.dose} dose changes, ${acks.tick} ticks, ${acks.pain} pain entries answered as saved, ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  }, 480_000);
});

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { backupDatabase } from "@/db/backup";
import { createPatient } from "@/db/queries/patients";
import { patientSchema } from "@/lib/schemas/patient";
import { staff, uniqueName } from "./helpers";

describe("durability", () => {
  it("keeps every committed write when the writing process is killed with SIGKILL", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-kill-"));
    const file = path.join(dir, "kill.db");
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/durable-writer.ts", file], { stdio: ["ignore", "pipe", "inherit"] });
    const committed: number[] = [];
    await new Promise<void>((resolve) => {
      let buffer = "";
      child.stdout.on("data", (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split("\n");
        buffer = lines.pop()!;
        committed.push(...lines.filter(Boolean).map(Number));
        if (committed.length >= 200 && !child.killed) {
          child.kill("SIGKILL");
          resolve();
        }
      });
    });
    await new Promise((r) => child.on("exit", r));
    const db = new Database(file);
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const ids = new Set((db.prepare("select id from patients").all() as { id: number }[]).map((r) => r.id));
      for (const id of committed) expect(ids.has(id)).toBe(true);
    } finally {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("makes an online backup that passes an integrity check and holds the data", async () => {
    const name = uniqueName("Backed up");
    createPatient({ actor: staff, input: patientSchema.parse({ name }) });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-backup-"));
    const copy = path.join(dir, "copy.db");
    const result = await backupDatabase(getDb(), copy);
    expect(result.integrity).toBe("ok");
    const db = new Database(copy, { readonly: true });
    expect(db.prepare("select count(*) as n from patients where name = ?").get(name)).toEqual({ n: 1 });
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

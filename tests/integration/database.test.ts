import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, openDatabase } from "@/db";
import { clinicSettings, libraryEntries, patients, plans, users } from "@/db/schema";
import { seedDatabase } from "@/db/seed";
import { starterLibrary } from "@/db/seed/library";
import { doseSchemaByKind } from "@/lib/dose";
import { kindForCategory } from "@/lib/library";

describe("the database connection", () => {
  it("runs with WAL, synchronous=FULL, foreign keys and a busy timeout", () => {
    const sqlite = getDb().$client;
    expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(sqlite.pragma("synchronous", { simple: true })).toBe(2);
    expect(sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
  });

  it("refuses a plan for a patient that does not exist (foreign keys enforced)", () => {
    expect(() => getDb().insert(plans).values({ patientId: 987654, title: "Orphan", startDate: "2026-01-05", weeks: 4 }).run()).toThrow(
      /FOREIGN KEY/,
    );
  });
});

describe("the seed", () => {
  it("can run again and again without duplicating anything", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-seed-"));
    const db = openDatabase(path.join(dir, "seed.db"));
    try {
      await seedDatabase(db, { demo: true });
      await seedDatabase(db, { demo: true });
      expect(db.select({ n: count() }).from(libraryEntries).get()!.n).toBe(starterLibrary.length);
      expect(db.select({ n: count() }).from(patients).get()!.n).toBe(1);
      expect(db.select({ n: count() }).from(plans).get()!.n).toBe(1);
      expect(db.select({ n: count() }).from(clinicSettings).get()!.n).toBe(1);
      expect(db.select({ n: count() }).from(users).get()!.n).toBe(2);
    } finally {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the seed on an existing database", () => {
  it("adds new starter entries and brings starter text and precautions up to date, leaving custom entries alone", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stride-seed-"));
    const db = openDatabase(path.join(dir, "old.db"));
    try {
      await seedDatabase(db, { demo: false });
      // An install from before this release: one starter entry missing, one with old text and no precautions.
      db.delete(libraryEntries).where(eq(libraryEntries.slug, "mcgill-curl-up")).run();
      db.update(libraryEntries)
        .set({ steps: ["Keep your back long and straight."], conflictsWith: [], plainName: "" })
        .where(eq(libraryEntries.slug, "safe-lifting"))
        .run();
      db.update(libraryEntries).set({ conflictsWith: [] }).where(eq(libraryEntries.slug, "prone-press-up")).run();
      const custom = db
        .insert(libraryEntries)
        .values({
          source: "custom",
          name: "Our own stretch",
          category: "stretch",
          kind: "exercise",
          bodyRegions: ["hips"],
          steps: ["Ours."],
          cautions: [],
          defaultDose: { note: "" },
        })
        .returning({ id: libraryEntries.id })
        .get();
      await seedDatabase(db, { demo: false });
      const bySlug = (slug: string) => db.select().from(libraryEntries).where(eq(libraryEntries.slug, slug)).get();
      expect(bySlug("mcgill-curl-up")?.conflictsWith).toEqual(["osteoporosis", "pregnancy"]);
      expect(bySlug("safe-lifting")?.steps.join(" ")).toMatch(/relaxed/);
      expect(bySlug("prone-press-up")?.conflictsWith).toContain("spinal-stenosis");
      expect(bySlug("piriformis-stretch")?.plainName).toBe("buttock stretch");
      expect(db.select().from(libraryEntries).where(eq(libraryEntries.id, custom.id)).get()).toMatchObject({
        name: "Our own stretch",
        steps: ["Ours."],
      });
      expect(db.select({ n: count() }).from(libraryEntries).get()!.n).toBe(starterLibrary.length + 1);
    } finally {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the starter library", () => {
  it("has at least 40 entries covering every category", () => {
    expect(starterLibrary.length).toBeGreaterThanOrEqual(40);
    const cats = new Set(starterLibrary.map((e) => e.category));
    for (const c of Object.keys(kindForCategory)) expect(cats).toContain(c);
    expect(new Set(starterLibrary.map((e) => e.slug)).size).toBe(starterLibrary.length);
  });

  it("gives every entry steps, a valid default dose and its own shipped illustration", () => {
    const pictures = new Set<string>();
    for (const entry of starterLibrary) {
      expect(entry.steps.length, entry.slug).toBeGreaterThanOrEqual(2);
      const parsed = doseSchemaByKind[kindForCategory[entry.category]].safeParse(entry.defaultDose);
      expect(parsed.success, `${entry.slug}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      const file = path.join(process.cwd(), "public", "illustrations", entry.illustration);
      const svg = fs.readFileSync(file, "utf8");
      expect(svg, entry.slug).toMatch(/<svg[\s>]/);
      expect(svg, `${entry.slug} must not load anything from elsewhere`).not.toMatch(/(href|src)\s*=\s*["']https?:|<script|@import/i);
      pictures.add(svg);
    }
    // Not one generic icon per category: every entry's picture is its own drawing.
    expect(pictures.size).toBe(starterLibrary.length);
  });

  it("keeps exercise cautions and steps in short sentences", () => {
    for (const entry of starterLibrary)
      for (const line of [...entry.steps, ...entry.cautions]) {
        const sentences = line.split(/[.!?]\s/);
        for (const s of sentences) expect(s.split(/\s+/).length, `${entry.slug}: ${s}`).toBeLessThanOrEqual(28);
      }
  });
});

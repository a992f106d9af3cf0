import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createPatient, setPatientArchived } from "@/db/queries/patients";
import { clinicToday } from "@/db/queries/measures";
import { setPlanItemPhase, setPlanPhases } from "@/db/queries/plan-phases";
import { addPlanItem, createPlan, removePlanItem, setPlanStatus } from "@/db/queries/plans";
import {
  createShareLink,
  listShareLinks,
  openSharedPlan,
  recordMalformedShareLink,
  recordPatientLog,
  revokeShareLink,
  SHARE_MISS_PAUSE_MS,
  SHARE_MISSES_PER_HOUR,
  slowDownShareMisses,
  tooManyShareMisses,
} from "@/db/queries/share-links";
import { auditEvents, itemLogs, painLogs, patients, shareLinkMisses, shareLinks, signInFailures } from "@/db/schema";
import { ForbiddenError } from "@/lib/authz";
import { addDays } from "@/lib/calendar-date";
import { patientSchema } from "@/lib/schemas/patient";
import { planSchema } from "@/lib/schemas/plan";
import { hashShareToken, newShareToken, normalizeShareToken, typedShareToken } from "@/lib/share-token";
import { entryId, inactive, staff, uniqueName } from "./helpers";

function sharedPatient({ active = true } = {}) {
  const patientId = createPatient({ actor: staff, input: patientSchema.parse({ name: uniqueName("Link patient") }) }).id;
  const planId = createPlan({ actor: staff, patientId, input: planSchema.parse({ title: "Shared plan", startDate: "2026-03-02", weeks: "6" }) }).id;
  const itemId = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") }).id;
  if (active) setPlanStatus({ actor: staff, id: planId, status: "active" });
  const link = createShareLink({ actor: staff, patientId, days: 30 });
  return { patientId, planId, itemId, link };
}

describe("share tokens", () => {
  it("are 256 random bits in base64url, stored only as their SHA-256", () => {
    const token = newShareToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(newShareToken()).not.toBe(token);
    expect(hashShareToken(token)).toMatch(/^[0-9a-f]{64}$/);
    const { link, patientId } = sharedPatient();
    const row = getDb().select().from(shareLinks).where(eq(shareLinks.patientId, patientId)).get()!;
    expect(row.tokenHash).toBe(hashShareToken(link.token));
    expect(JSON.stringify(row)).not.toContain(link.token);
  });

  it("survive being typed from paper with spaces, and refuse anything else", () => {
    const token = newShareToken();
    expect(normalizeShareToken(typedShareToken(token))).toBe(token);
    expect(normalizeShareToken("short")).toBeNull();
    expect(normalizeShareToken(`${token}x`)).toBeNull();
    expect(normalizeShareToken("%")).toBeNull();
  });
});

describe("share links", () => {
  it("open the patient's active plan and write one audit row per view", () => {
    const { link, planId, patientId } = sharedPatient();
    const shared = openSharedPlan({ token: link.token, address: "192.0.2.1" })!;
    expect(shared.version.planId).toBe(planId);
    const rows = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "share.view"), eq(auditEvents.patientId, patientId)))
      .all();
    expect(rows).toHaveLength(1);
    expect(rows[0].actorName).toContain("link");
  });

  it("never show a draft, and answer unknown, expired and revoked links alike", () => {
    const draft = sharedPatient({ active: false });
    expect(openSharedPlan({ token: draft.link.token, address: "192.0.2.2" })).toBeNull();
    expect(openSharedPlan({ token: newShareToken(), address: "192.0.2.2" })).toBeNull();

    const expired = sharedPatient();
    getDb()
      .update(shareLinks)
      .set({ expiresAt: new Date(Date.now() - 1) })
      .where(eq(shareLinks.patientId, expired.patientId))
      .run();
    expect(openSharedPlan({ token: expired.link.token, address: "192.0.2.2" })).toBeNull();

    const revoked = sharedPatient();
    expect(openSharedPlan({ token: revoked.link.token, address: "192.0.2.2" })).not.toBeNull();
    revokeShareLink({ actor: staff, patientId: revoked.patientId, linkId: revoked.link.id });
    expect(openSharedPlan({ token: revoked.link.token, address: "192.0.2.2" })).toBeNull();
    expect(listShareLinks({ actor: staff, patientId: revoked.patientId })[0].revokedAt).not.toBeNull();
  });

  it("count each item once a day however often it is ticked, and let today's tick be undone", () => {
    const { link, planId, itemId } = sharedPatient();
    for (let i = 0; i < 3; i++)
      expect(recordPatientLog({ token: link.token, input: { kind: "done", itemId }, address: "192.0.2.50" })).toEqual({ ok: true });
    expect(getDb().select().from(itemLogs).where(eq(itemLogs.planId, planId)).all()).toHaveLength(1);
    recordPatientLog({ token: link.token, input: { kind: "undo", itemId }, address: "192.0.2.50" });
    expect(getDb().select().from(itemLogs).where(eq(itemLogs.planId, planId)).all()).toHaveLength(0);
    recordPatientLog({ token: link.token, input: { kind: "pain", score: 6, comment: "Stiff" }, address: "192.0.2.50" });
    recordPatientLog({ token: link.token, input: { kind: "pain", score: 4, comment: "Better" }, address: "192.0.2.50" });
    const pain = getDb().select().from(painLogs).where(eq(painLogs.planId, planId)).all();
    expect(pain.map((p) => [p.score, p.comment])).toEqual([[4, "Better"]]);
  });

  it("keep an item the patient has ticked: it cannot be removed with its history", () => {
    const { link, planId, itemId } = sharedPatient();
    recordPatientLog({ token: link.token, input: { kind: "done", itemId }, address: "192.0.2.51" });
    expect(() => removePlanItem({ actor: staff, planId, itemId })).toThrow(/already ticked/);
    expect(getDb().select().from(itemLogs).where(eq(itemLogs.planId, planId)).all()).toHaveLength(1);
  });

  it("refuse a tick on another plan's item, and any entry through a dead link", () => {
    const one = sharedPatient();
    const other = sharedPatient();
    expect(recordPatientLog({ token: one.link.token, input: { kind: "done", itemId: other.itemId }, address: "192.0.2.50" })).toEqual({
      ok: false,
      reason: "item",
    });
    revokeShareLink({ actor: staff, patientId: one.patientId, linkId: one.link.id });
    expect(recordPatientLog({ token: one.link.token, input: { kind: "done", itemId: one.itemId }, address: "192.0.2.50" })).toEqual({
      ok: false,
      reason: "link",
    });
    expect(getDb().select().from(itemLogs).where(eq(itemLogs.planId, one.planId)).all()).toHaveLength(0);
  });

  it("refuse a tick for an item outside this week's phase or the issued version: nothing saved, one refusal audited", () => {
    const today = clinicToday(getDb());
    const phased = (startDate: string) => {
      const patientId = createPatient({ actor: staff, input: patientSchema.parse({ name: uniqueName("Phase link patient") }) }).id;
      const planId = createPlan({ actor: staff, patientId, input: planSchema.parse({ title: "Phased", startDate, weeks: "6" }) }).id;
      const plank = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("front-plank-knees") }).id;
      const birdDog = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("bird-dog") }).id;
      setPlanPhases({
        actor: staff,
        planId,
        phases: [
          { id: "settle", title: "Settle the pain", fromWeek: 1, toWeek: 2 },
          { id: "build", title: "Build strength", fromWeek: 3, toWeek: 6 },
        ],
      });
      setPlanItemPhase({ actor: staff, planId, itemId: plank, phaseId: "settle" });
      setPlanItemPhase({ actor: staff, planId, itemId: birdDog, phaseId: "build" });
      setPlanStatus({ actor: staff, id: planId, status: "active" });
      const link = createShareLink({ actor: staff, patientId, days: 30, planId });
      return { patientId, planId, plank, birdDog, token: link.token };
    };
    const ticks = (planId: number) => getDb().select().from(itemLogs).where(eq(itemLogs.planId, planId)).all();
    const refusals = (patientId: number) =>
      getDb()
        .select({ outcome: auditEvents.outcome, detail: auditEvents.detail })
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "share.log.refused"), eq(auditEvents.patientId, patientId)))
        .all();
    const address = "192.0.2.60";

    // Week 1: "Settle the pain". Bird dog belongs to weeks 3-6.
    const early = phased(today);
    const refused = { ok: false, reason: "item" };
    expect(recordPatientLog({ token: early.token, input: { kind: "done", itemId: early.birdDog }, address })).toEqual(refused);
    expect(recordPatientLog({ token: early.token, input: { kind: "undo", itemId: early.birdDog }, address })).toEqual(refused);
    // An item added to the draft after the version was issued is not on the patient's page yet.
    const added = addPlanItem({ actor: staff, planId: early.planId, libraryEntryId: entryId("glute-bridge") }).id;
    expect(recordPatientLog({ token: early.token, input: { kind: "done", itemId: added }, address })).toEqual(refused);
    expect(ticks(early.planId)).toHaveLength(0);
    expect(refusals(early.patientId)).toEqual([
      { outcome: "refused", detail: `done item #${early.birdDog}: not in week 1's phase` },
      { outcome: "refused", detail: `undo item #${early.birdDog}: not in week 1's phase` },
      { outcome: "refused", detail: `done item #${added}: not in v1` },
    ]);
    // A refusal is not a miss: the address is not counted towards the slow-down.
    expect(getDb().select().from(shareLinkMisses).where(eq(shareLinkMisses.address, address)).all()).toHaveLength(0);
    expect(recordPatientLog({ token: early.token, input: { kind: "done", itemId: early.plank }, address })).toEqual({ ok: true });
    expect(ticks(early.planId).map((t) => t.planItemId)).toEqual([early.plank]);

    // Week 3: "Build strength". Now the knee plank is over and bird dog counts.
    const later = phased(addDays(today, -14));
    expect(recordPatientLog({ token: later.token, input: { kind: "done", itemId: later.plank }, address })).toEqual(refused);
    expect(recordPatientLog({ token: later.token, input: { kind: "done", itemId: later.birdDog }, address })).toEqual({ ok: true });
    expect(ticks(later.planId).map((t) => t.planItemId)).toEqual([later.birdDog]);
    expect(refusals(later.patientId)).toEqual([{ outcome: "refused", detail: `done item #${later.plank}: not in week 3's phase` }]);
  });

  it("stop working when the patient is archived, and stay off after a restore", () => {
    const { link, patientId } = sharedPatient();
    const second = createShareLink({ actor: staff, patientId, days: 30 });
    setPatientArchived({ actor: staff, id: patientId, archived: true });
    expect(openSharedPlan({ token: link.token, address: "192.0.2.3" })).toBeNull();
    expect(listShareLinks({ actor: staff, patientId }).every((l) => l.revokedAt !== null)).toBe(true);
    setPatientArchived({ actor: staff, id: patientId, archived: false });
    expect(openSharedPlan({ token: link.token, address: "192.0.2.3" })).toBeNull();
    expect(openSharedPlan({ token: second.token, address: "192.0.2.3" })).toBeNull();
    expect(recordPatientLog({ token: link.token, input: { kind: "pain", score: 2, comment: "" }, address: "192.0.2.3" })).toEqual({
      ok: false,
      reason: "link",
    });
    // A link made after the restore works.
    const fresh = createShareLink({ actor: staff, patientId, days: 30 });
    expect(openSharedPlan({ token: fresh.token, address: "192.0.2.3" })).not.toBeNull();
  });

  it("are turned off, by the migration, for patients archived before archiving did it", () => {
    const { link, patientId } = sharedPatient();
    // As an archive from before this change left it: the patient archived, the link untouched.
    getDb()
      .update(patients)
      .set({ archivedAt: new Date(Date.now() - 86_400_000) })
      .where(eq(patients.id, patientId))
      .run();
    const sql = fs.readFileSync(path.join("db", "migrations", "0007_revoke_archived_links.sql"), "utf8");
    for (const statement of sql.split("--> statement-breakpoint")) getDb().$client.exec(statement);
    const row = getDb().select().from(shareLinks).where(eq(shareLinks.id, link.id)).get()!;
    expect(row.revokedAt?.getTime()).toBe(Math.floor((Date.now() - 86_400_000) / 1000) * 1000);
    setPatientArchived({ actor: staff, id: patientId, archived: false });
    expect(openSharedPlan({ token: link.token, address: "192.0.2.4" })).toBeNull();
  });

  it("slow down an address that keeps missing", () => {
    const address = "192.0.2.99";
    for (let i = 0; i < SHARE_MISSES_PER_HOUR - 1; i++) openSharedPlan({ token: newShareToken(), address });
    expect(tooManyShareMisses(address)).toBe(false);
    recordPatientLog({ token: newShareToken(), input: { kind: "pain", score: 1, comment: "" }, address });
    expect(tooManyShareMisses(address)).toBe(true);
    expect(tooManyShareMisses("192.0.2.100")).toBe(false);
  });

  it("never hold back a valid link, even from an address past the miss limit", async () => {
    const { link, planId, itemId } = sharedPatient();
    const address = "192.0.2.98";
    for (let i = 0; i < SHARE_MISSES_PER_HOUR + 5; i++) openSharedPlan({ token: newShareToken(), address });
    expect(tooManyShareMisses(address)).toBe(true);
    expect(openSharedPlan({ token: link.token, address })?.version.planId).toBe(planId);
    expect(recordPatientLog({ token: link.token, input: { kind: "done", itemId }, address })).toEqual({ ok: true });
    // A miss from there is answered after the pause.
    const start = Date.now();
    await slowDownShareMisses(address);
    expect(Date.now() - start).toBeGreaterThanOrEqual(SHARE_MISS_PAUSE_MS - 50);
    const other = Date.now();
    await slowDownShareMisses("192.0.2.97");
    expect(Date.now() - other).toBeLessThan(500);
  });

  it("keep misses in their own table, apart from sign-in failures, with at most the limit per address and nothing past the hour", () => {
    const address = "192.0.2.96";
    for (let i = 0; i < SHARE_MISSES_PER_HOUR + 10; i++) openSharedPlan({ token: newShareToken(), address });
    expect(getDb().select().from(shareLinkMisses).where(eq(shareLinkMisses.address, address)).all()).toHaveLength(SHARE_MISSES_PER_HOUR);
    expect(
      getDb()
        .select()
        .from(signInFailures)
        .all()
        .filter((r) => r.key.includes(address)),
    ).toEqual([]);
    // Rows from before the hour are forgotten at the next miss.
    getDb()
      .update(shareLinkMisses)
      .set({ at: new Date(Date.now() - 2 * 3_600_000) })
      .where(eq(shareLinkMisses.address, address))
      .run();
    recordMalformedShareLink("192.0.2.95");
    expect(getDb().select().from(shareLinkMisses).where(eq(shareLinkMisses.address, address)).all()).toEqual([]);
    expect(getDb().select().from(shareLinkMisses).where(eq(shareLinkMisses.address, "192.0.2.95")).all()).toHaveLength(1);
  });

  it("are made and turned off only by active staff", () => {
    const { patientId, link } = sharedPatient();
    expect(() => createShareLink({ actor: inactive, patientId, days: 30 })).toThrow(ForbiddenError);
    expect(() => revokeShareLink({ actor: inactive, patientId, linkId: link.id })).toThrow(ForbiddenError);
  });
});

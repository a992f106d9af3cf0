import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { createPatient, setPatientArchived } from "@/db/queries/patients";
import { addPlanItem, createPlan, removePlanItem, setPlanStatus } from "@/db/queries/plans";
import { createShareLink, listShareLinks, openSharedPlan, recordPatientLog, revokeShareLink, SHARE_MISSES_PER_HOUR, tooManyShareMisses } from "@/db/queries/share-links";
import { auditEvents, itemLogs, painLogs, shareLinks } from "@/db/schema";
import { ForbiddenError } from "@/lib/authz";
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
    const rows = getDb().select().from(auditEvents).where(and(eq(auditEvents.action, "share.view"), eq(auditEvents.patientId, patientId))).all();
    expect(rows).toHaveLength(1);
    expect(rows[0].actorName).toContain("link");
  });

  it("never show a draft, and answer unknown, expired and revoked links alike", () => {
    const draft = sharedPatient({ active: false });
    expect(openSharedPlan({ token: draft.link.token, address: "192.0.2.2" })).toBeNull();
    expect(openSharedPlan({ token: newShareToken(), address: "192.0.2.2" })).toBeNull();

    const expired = sharedPatient();
    getDb().update(shareLinks).set({ expiresAt: new Date(Date.now() - 1) }).where(eq(shareLinks.patientId, expired.patientId)).run();
    expect(openSharedPlan({ token: expired.link.token, address: "192.0.2.2" })).toBeNull();

    const revoked = sharedPatient();
    expect(openSharedPlan({ token: revoked.link.token, address: "192.0.2.2" })).not.toBeNull();
    revokeShareLink({ actor: staff, patientId: revoked.patientId, linkId: revoked.link.id });
    expect(openSharedPlan({ token: revoked.link.token, address: "192.0.2.2" })).toBeNull();
    expect(listShareLinks({ actor: staff, patientId: revoked.patientId })[0].revokedAt).not.toBeNull();
  });

  it("count each item once a day however often it is ticked, and let today's tick be undone", () => {
    const { link, planId, itemId } = sharedPatient();
    for (let i = 0; i < 3; i++) expect(recordPatientLog({ token: link.token, input: { kind: "done", itemId }, address: "192.0.2.50" })).toBe(true);
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
    expect(recordPatientLog({ token: one.link.token, input: { kind: "done", itemId: other.itemId }, address: "192.0.2.50" })).toBe(false);
    revokeShareLink({ actor: staff, patientId: one.patientId, linkId: one.link.id });
    expect(recordPatientLog({ token: one.link.token, input: { kind: "done", itemId: one.itemId }, address: "192.0.2.50" })).toBe(false);
    expect(getDb().select().from(itemLogs).where(eq(itemLogs.planId, one.planId)).all()).toHaveLength(0);
  });

  it("stop working when the patient is archived", () => {
    const { link, patientId } = sharedPatient();
    setPatientArchived({ actor: staff, id: patientId, archived: true });
    expect(openSharedPlan({ token: link.token, address: "192.0.2.3" })).toBeNull();
  });

  it("slow down an address that keeps missing", () => {
    const address = "192.0.2.99";
    for (let i = 0; i < SHARE_MISSES_PER_HOUR; i++) openSharedPlan({ token: newShareToken(), address });
    expect(tooManyShareMisses(address)).toBe(true);
    expect(tooManyShareMisses("192.0.2.100")).toBe(false);
  });

  it("are made and turned off only by active staff", () => {
    const { patientId, link } = sharedPatient();
    expect(() => createShareLink({ actor: inactive, patientId, days: 30 })).toThrow(ForbiddenError);
    expect(() => revokeShareLink({ actor: inactive, patientId, linkId: link.id })).toThrow(ForbiddenError);
  });
});

import { and, eq } from "drizzle-orm";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { linkPageCache, patientHtmlResponse } from "@/app/(patient)/p/_lib/patient-html";
import { PatientLinkPage } from "@/components/patient-link-page";
import { getDb, openDatabase } from "@/db";
import { getPublicClinicContact } from "@/db/queries/clinic";
import { groupCommitted, groupCommitStats } from "@/db/queries/group-commit";
import { openLinkPage } from "@/db/queries/link-page";
import { setMeasureRequest } from "@/db/queries/measures";
import { createPatient } from "@/db/queries/patients";
import { addPlanItem, createPlan, setPlanStatus } from "@/db/queries/plans";
import { createShareLink, recordShareMiss } from "@/db/queries/share-links";
import { auditEvents, shareLinkMisses } from "@/db/schema";
import { todayIn } from "@/lib/calendar-date";
import { patientSchema } from "@/lib/schemas/patient";
import { planSchema } from "@/lib/schemas/plan";
import { newShareToken } from "@/lib/share-token";
import { entryId, staff, uniqueName } from "./helpers";

const title = 'Back <script>alert("x")</script> & knees';

function linkedPlan() {
  const patientId = createPatient({ actor: staff, input: patientSchema.parse({ name: uniqueName("Link page") }) }).id;
  const planId = createPlan({ actor: staff, patientId, input: planSchema.parse({ title, startDate: todayIn("UTC"), weeks: "4" }) }).id;
  addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge") });
  setPlanStatus({ actor: staff, id: planId, status: "active" });
  setMeasureRequest({ actor: staff, patientId, planId, measure: "nprs", weeks: [0] });
  const { token } = createShareLink({ actor: staff, patientId, days: 30 });
  return { patientId, planId, token };
}

function auditCount(patientId: number, action: string) {
  return getDb()
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.patientId, patientId), eq(auditEvents.action, action)))
    .all().length;
}

describe("the patient's link page", () => {
  it("reads the plan and its measures together, with one audit row for each per view", async () => {
    const { patientId, planId, token } = linkedPlan();
    for (let view = 1; view <= 2; view++) {
      const opened = (await openLinkPage({ token, address: "192.0.2.60" }))!;
      expect(opened.shared.version.planId).toBe(planId);
      expect(opened.measures?.due.map((d) => d.measure)).toEqual(["nprs"]);
      expect(auditCount(patientId, "share.view")).toBe(view);
      expect(auditCount(patientId, "share.measures.view")).toBe(view);
    }
  });

  it("counts a link that opens nothing as a miss and shows nothing", async () => {
    const misses = () => getDb().select().from(shareLinkMisses).where(eq(shareLinkMisses.address, "192.0.2.61")).all().length;
    expect(await openLinkPage({ token: newShareToken(), address: "192.0.2.61" })).toBeNull();
    expect(misses()).toBe(1);
  });

  it("is one HTML document with its styles and forms, escapes what staff typed, carries no script, and is rendered once per state", async () => {
    const { token } = linkedPlan();
    const opened = (await openLinkPage({ token, address: "192.0.2.62" }))!;
    const page = createElement(PatientLinkPage, { token, ...opened, clinic: getPublicClinicContact(), query: {} });
    const answer = patientHtmlResponse(page, `test-${token}`);
    expect(answer.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.headers.get("referrer-policy")).toBe("no-referrer");
    const html = await answer.text();
    expect(html.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
    expect(html).toContain("Back &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; knees");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(`action="/p/${token}/log"`);
    expect(html).toContain(`action="/p/${token}/measure"`);
    expect(html).toMatch(/<style>[^<]*\.patient-root\s*\{/);

    const before = linkPageCache.misses;
    const again = await patientHtmlResponse(page, `test-${token}`).text();
    expect(again).toBe(html);
    expect(linkPageCache.misses).toBe(before);
  });

  it("group-commits views that arrive together: one commit, every view audited, each answer after its commit", async () => {
    const { patientId, token } = linkedPlan();
    const commits = groupCommitStats.commits;
    const views = await Promise.all(Array.from({ length: 5 }, () => openLinkPage({ token, address: "192.0.2.63" })));
    expect(views.every((v) => v !== null)).toBe(true);
    expect(groupCommitStats.commits).toBe(commits + 1);
    // Durable when the promise settles: a second connection to the file already sees all the rows.
    const other = openDatabase(getDb().$client.name, { migrate: false });
    const rows = other
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.patientId, patientId), eq(auditEvents.action, "share.view")))
      .all();
    other.$client.close();
    expect(rows).toHaveLength(5);
  });

  it("undoes only the job that fails in a shared commit", async () => {
    const misses = (address: string) => getDb().select().from(shareLinkMisses).where(eq(shareLinkMisses.address, address)).all().length;
    const results = await Promise.allSettled([
      groupCommitted((tx) => recordShareMiss(tx, "192.0.2.70")),
      groupCommitted((tx) => {
        recordShareMiss(tx, "192.0.2.71");
        throw new Error("this view fails");
      }),
      groupCommitted((tx) => recordShareMiss(tx, "192.0.2.72")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect([misses("192.0.2.70"), misses("192.0.2.71"), misses("192.0.2.72")]).toEqual([1, 0, 1]);
  });
});

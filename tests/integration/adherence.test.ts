import { and, desc, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { getPlanAdherence } from "@/db/queries/adherence";
import { createPatient } from "@/db/queries/patients";
import { addPlanItem, createPlan, setPlanStatus } from "@/db/queries/plans";
import { auditEvents } from "@/db/schema";
import { ForbiddenError } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";
import { patientSchema } from "@/lib/schemas/patient";
import { planSchema } from "@/lib/schemas/plan";
import { at, bridgeDose, pain, tick, useClinic, walkDose } from "./adherence-fixtures";
import { entryId, inactive, staff, uniqueName } from "./helpers";

/** An active 4-week plan from Mon 2026-03-02 with a 3-day exercise and a 5-day walk. */
function activePlan() {
  const patientId = createPatient({ actor: staff, input: patientSchema.parse({ name: uniqueName("Adherence patient") }) }).id;
  const input = planSchema.parse({ title: uniqueName("Knee plan"), startDate: "2026-03-02", weeks: "4" });
  const planId = createPlan({ actor: staff, patientId, input }).id;
  const bridge = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge"), dose: bridgeDose }).id;
  const walk = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("steady-walk"), dose: walkDose }).id;
  setPlanStatus({ actor: staff, id: planId, status: "active" });
  return { planId, patientId, title: input.title, bridge, walk };
}

beforeAll(() => useClinic("Europe/Berlin", 2));

afterEach(() => {
  vi.useRealTimers();
});

describe("getPlanAdherence", () => {
  it("counts ticks per week against the prescription, with pain and flags", () => {
    const { planId, title, bridge, walk } = activePlan();
    tick(planId, bridge, "2026-02-28", "2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-09");
    tick(planId, walk, "2026-03-02", "2026-03-04");
    pain(planId, "2026-03-09", 8, "<b>Flare</b> after stairs");
    pain(planId, "2026-03-03", 6, "Stiff");
    at("2026-03-12T10:00:00Z");

    const result = getPlanAdherence({ actor: staff, planId });

    expect(result).toMatchObject({ title, status: "active", startDate: "2026-03-02", today: "2026-03-12", quietDays: 2 });
    expect(result.weeks.map((w) => [w.week, w.startDate, w.endDate, w.daysActive, w.itemsDone, w.itemsPrescribed, w.percent, w.inProgress])).toEqual([
      [1, "2026-03-02", "2026-03-08", 4, 5, 8, 63, false],
      // Thursday of week 2: counted against the 5 due so far (2 bridges, 3 walks), not the week's 8.
      [2, "2026-03-09", "2026-03-15", 1, 1, 8, 20, true],
    ]);
    expect(result.weeks[1].soFar).toEqual({ done: 1, due: 5 });
    // The bridge ticked before the start is shown apart.
    expect(result.beforeStart).toEqual({ daysActive: 1, ticks: 1 });
    expect(result.pain).toEqual([
      { day: "2026-03-03", score: 6, comment: "Stiff" },
      { day: "2026-03-09", score: 8, comment: "<b>Flare</b> after stairs" },
    ]);
    expect(result.flags).toEqual({ quiet: true, lastLogDay: "2026-03-09", highPain: true, latestPain: 8 });
  });

  it("reads today in the clinic's zone and the clinic's quiet-days setting", () => {
    const { planId, bridge } = activePlan();
    tick(planId, bridge, "2026-03-11");
    // 23:30 in London is already the 13th in Berlin: two quiet days (12th and 13th).
    at("2026-03-12T23:30:00Z");
    const result = getPlanAdherence({ actor: staff, planId });
    expect(result.today).toBe("2026-03-13");
    expect(result.flags.quiet).toBe(true);
    at("2026-03-12T12:00:00Z");
    expect(getPlanAdherence({ actor: staff, planId }).flags.quiet).toBe(false);
  });

  it("does not mix in another plan's logs", () => {
    const one = activePlan();
    const other = activePlan();
    tick(other.planId, other.bridge, "2026-03-02");
    pain(other.planId, "2026-03-02", 9);
    at("2026-03-04T12:00:00Z");
    const result = getPlanAdherence({ actor: staff, planId: one.planId });
    expect(result.weeks[0]).toMatchObject({ daysActive: 0, itemsDone: 0 });
    expect(result.pain).toEqual([]);
    expect(result.flags.lastLogDay).toBeNull();
  });

  it("writes an audit row for the read, under the plan and its patient", () => {
    const { planId, patientId } = activePlan();
    getPlanAdherence({ actor: staff, planId });
    const row = getDb()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.planId, planId), eq(auditEvents.action, "plan.adherence")))
      .orderBy(desc(auditEvents.id))
      .get();
    expect(row).toMatchObject({ outcome: "ok", actorId: staff.userId, patientId });
  });

  it("refuses an inactive account and records the denial", () => {
    const { planId } = activePlan();
    expect(() => getPlanAdherence({ actor: inactive, planId })).toThrow(ForbiddenError);
    const row = getDb().select().from(auditEvents).where(eq(auditEvents.planId, planId)).orderBy(desc(auditEvents.id)).get();
    expect(row).toMatchObject({ action: "plan.adherence", outcome: "denied", actorId: inactive.userId });
  });

  it("answers not found for an unknown plan", () => {
    expect(() => getPlanAdherence({ actor: staff, planId: 999_999 })).toThrow(NotFoundError);
  });
});

import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { getPlanAdherence } from "@/db/queries/adherence";
import { createPatient, listPatients } from "@/db/queries/patients";
import { setPlanItemPhase, setPlanPhases } from "@/db/queries/plan-phases";
import { issuePlanVersion } from "@/db/queries/plan-versions";
import { addPlanItem, createPlan, setPlanStatus, updatePlanItemDose } from "@/db/queries/plans";
import { glanceOf } from "@/lib/adherence";
import { addDays } from "@/lib/calendar-date";
import { patientSchema } from "@/lib/schemas/patient";
import { planSchema } from "@/lib/schemas/plan";
import { at, bridgeDose, pain, tick, useClinic, walkDose } from "./adherence-fixtures";
import { entryId, staff, uniqueName } from "./helpers";

const START = "2026-03-02"; // a Monday
/** A patient named under `prefix`; with a plan (3-day bridge, 5-day walk) unless `plan` is false. */
function patientWith(prefix: string, name: string, plan: { start?: string; status?: "active" | "draft" } | false = {}) {
  const patientId = createPatient({ actor: staff, input: patientSchema.parse({ name: `${prefix} ${name}` }) }).id;
  if (!plan) return { patientId, planId: 0, bridge: 0, walk: 0 };
  const input = planSchema.parse({ title: "Back plan", startDate: plan.start ?? START, weeks: "4" });
  const planId = createPlan({ actor: staff, patientId, input }).id;
  const bridge = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("glute-bridge"), dose: bridgeDose }).id;
  const walk = addPlanItem({ actor: staff, planId, libraryEntryId: entryId("steady-walk"), dose: walkDose }).id;
  if ((plan.status ?? "active") === "active") setPlanStatus({ actor: staff, id: planId, status: "active" });
  return { patientId, planId, bridge, walk };
}

beforeAll(() => useClinic("America/Chicago", 3));

afterEach(() => {
  vi.useRealTimers();
});

function progressByName(prefix: string) {
  const page = listPatients({ actor: staff, q: prefix, withProgress: true });
  return Object.fromEntries(page.rows.map((r) => [r.name.slice(prefix.length + 1), r.progress]));
}

describe("patient list progress", () => {
  it("shows each patient's week so far, latest pain and flags, the same as the plan page", () => {
    const prefix = uniqueName("Progress");
    const onTrack = patientWith(prefix, "a on track");
    tick(onTrack.planId, onTrack.walk, START, addDays(START, 1), addDays(START, 2));
    pain(onTrack.planId, addDays(START, 1), 3);
    const earlyPain = patientWith(prefix, "b early pain");
    pain(earlyPain.planId, addDays(START, -1), 8);
    const quiet = patientWith(prefix, "c quiet", { start: "2026-02-23" });
    patientWith(prefix, "d no plan", false);
    patientWith(prefix, "e draft only", { status: "draft" });

    at("2026-03-04T18:00:00Z"); // Wednesday noon in Chicago: day 3 of the week
    const rows = progressByName(prefix);
    // Due by Wednesday: 1 of the 3-day bridge and 2 of the 5-day walk.
    expect(rows["a on track"]).toMatchObject({
      planId: onTrack.planId,
      thisWeek: { done: 2, due: 3, percent: 67 },
      latestPain: { score: 3, day: "2026-03-03" },
      quiet: false,
      highPain: false,
      lastLogDay: "2026-03-04",
    });
    // A high score from the day before the start still flags the plan.
    expect(rows["b early pain"]).toMatchObject({ highPain: true, latestPain: { score: 8, day: "2026-03-01" }, thisWeek: { done: 0, due: 3 } });
    expect(rows["c quiet"]).toMatchObject({ quiet: true, latestPain: null, lastLogDay: null });
    expect(rows["d no plan"]).toBeNull();
    expect(rows["e draft only"]).toBeNull();

    // The list and the plan page agree.
    for (const p of [onTrack, earlyPain, quiet]) {
      const { planId, ...glance } = rows[Object.keys(rows).find((k) => rows[k]?.planId === p.planId)!]!;
      expect(planId).toBe(p.planId);
      expect(glance).toEqual(glanceOf(getPlanAdherence({ actor: staff, planId: p.planId })));
    }
  });

  it("counts the week in the clinic's time zone, not the server's", () => {
    const prefix = uniqueName("Zone");
    const p = patientWith(prefix, "late sunday");
    tick(p.planId, p.walk, START, addDays(START, 1), addDays(START, 2), addDays(START, 3));
    // 03:30 UTC on Monday March 9 is still Sunday evening, day 7 of week 1, in Chicago.
    at("2026-03-09T03:30:00Z");
    expect(progressByName(prefix)["late sunday"]?.thisWeek).toEqual({ done: 4, due: 8, percent: 50 });
  });

  it("counts the week against the newest issued version, like the plan page and the link, not the unissued draft", () => {
    const prefix = uniqueName("Issued");
    const p = patientWith(prefix, "draft moved on");
    tick(p.planId, p.walk, START, addDays(START, 1));
    // Draft edits the patient has not been given: a daily bridge, and a new exercise in a phase that runs now.
    updatePlanItemDose({ actor: staff, planId: p.planId, itemId: p.bridge, dose: { ...bridgeDose, daysPerWeek: 7 } });
    setPlanPhases({ actor: staff, planId: p.planId, phases: [{ id: "settle", title: "Settle the pain", fromWeek: 1, toWeek: 2 }] });
    const catCamel = addPlanItem({ actor: staff, planId: p.planId, libraryEntryId: entryId("cat-camel"), dose: bridgeDose }).id;
    setPlanItemPhase({ actor: staff, planId: p.planId, itemId: catCamel, phaseId: "settle" });

    at("2026-03-04T18:00:00Z"); // Wednesday, day 3 of week 1
    const glance = () => {
      const { planId, ...rest } = progressByName(prefix)["draft moved on"]!;
      expect(planId).toBe(p.planId);
      expect(rest).toEqual(glanceOf(getPlanAdherence({ actor: staff, planId: p.planId })));
      return rest.thisWeek;
    };
    // Version 1: 1 bridge and 2 walks due by Wednesday.
    expect(glance()).toEqual({ done: 2, due: 3, percent: 67 });

    issuePlanVersion({ actor: staff, planId: p.planId });
    // Version 2: a daily bridge (3 by Wednesday), 2 walks, and the 3-day cat-camel of week 1's phase (1).
    expect(glance()).toEqual({ done: 2, due: 6, percent: 33 });
  });

  it("leaves out an issued item whose phase is not this week's", () => {
    const prefix = uniqueName("Phase");
    const p = patientWith(prefix, "later phase", { status: "draft" });
    setPlanPhases({ actor: staff, planId: p.planId, phases: [{ id: "build", title: "Build strength", fromWeek: 2, toWeek: 4 }] });
    setPlanItemPhase({ actor: staff, planId: p.planId, itemId: p.bridge, phaseId: "build" });
    setPlanStatus({ actor: staff, id: p.planId, status: "active" });
    tick(p.planId, p.walk, START);
    at("2026-03-04T18:00:00Z");
    // Only the walk is due in week 1: 2 by Wednesday.
    expect(progressByName(prefix)["later phase"]?.thisWeek).toEqual({ done: 1, due: 2, percent: 50 });
  });

  it("reads the whole page with the same few queries, however many patients it lists", () => {
    const small = uniqueName("Few");
    const large = uniqueName("Many");
    patientWith(small, "only one");
    for (let i = 0; i < 12; i++) {
      const p = patientWith(large, `patient ${String(i).padStart(2, "0")}`);
      tick(p.planId, p.walk, START);
      pain(p.planId, START, 4);
    }
    at("2026-03-04T18:00:00Z");
    const client = getDb().$client;
    const prepare = vi.spyOn(client, "prepare");
    try {
      listPatients({ actor: staff, q: small, withProgress: true });
      const forOne = prepare.mock.calls.length;
      prepare.mockClear();
      const page = listPatients({ actor: staff, q: large, withProgress: true });
      expect(page.rows).toHaveLength(12);
      expect(page.rows.every((r) => r.progress?.latestPain?.score === 4)).toBe(true);
      expect(prepare.mock.calls.length).toBe(forOne);
    } finally {
      prepare.mockRestore();
    }
  });
});

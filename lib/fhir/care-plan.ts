import { addDays, type CalendarDate } from "@/lib/calendar-date";
import { describeItemDose } from "@/lib/item-wording";
import type { PlanDocument, PlanDocumentItem } from "@/lib/plan-document";
import type { PlanStatus } from "@/lib/plan-status";
import { isSittingBreak } from "@/lib/dose";
import { itemWeeks, type PlanPhase } from "@/lib/plan-phases";
import { walkingWeeks, type WalkingWeek } from "@/lib/walking-progression";
import { BODY_SIDE_EXTENSION, bodySideCodes, STRIDE_SYSTEM } from "./codes";

/**
 * The one input the CarePlan is built from: the issued plan document (what the
 * patient was given: its newest version), with the plan's id and status, which
 * live on the plan rather than in the frozen document.
 */
export type CarePlanInput = {
  plan: { id: number; status: PlanStatus };
  version: { number: number; issuedAt: Date; document: PlanDocument };
};

type Header = { id: number; status: PlanStatus; startDate: CalendarDate; weeks: number; phases: PlanPhase[] | undefined };
type Item = PlanDocumentItem;

const statusMap: Record<PlanStatus, string> = { draft: "draft", active: "active", completed: "completed", archived: "revoked" };

type Json = Record<string, unknown>;

const period = (start: CalendarDate, days: number) => ({ start, end: addDays(start, days - 1) });

/** The dates an item runs: its phase's weeks, or the whole plan. */
function itemPeriod(item: Item, plan: Header) {
  const { from, to } = itemWeeks(item, plan.phases, plan.weeks);
  return period(addDays(plan.startDate, (from - 1) * 7), (to - from + 1) * 7);
}

function activityStatus(plan: Header): string {
  if (plan.status === "completed") return "completed";
  if (plan.status === "archived") return "stopped";
  return plan.status === "active" ? "in-progress" : "not-started";
}

/** Walks, exercises and visit spans as FHIR Timing where FHIR can say it; the description always has the words. */
function activitiesFor(item: Item, plan: Header): Json[] {
  const name = item.entry.name;
  const base = {
    kind: item.kind === "visit" ? "Appointment" : undefined,
    code: { text: name },
    status: activityStatus(plan),
    description: `${name}: ${describeItemDose(item.kind, item.dose)}`,
  };
  const clean = (d: Json) => ({ detail: Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) });
  switch (item.kind) {
    case "exercise": {
      const d = item.dose;
      // The side comes from the dose as issued ("left", "right" or both sides, which carries no side).
      const side = d.side === "left" || d.side === "right" ? bodySideCodes[d.side] : null;
      return [
        clean({
          ...base,
          // Exercises done on one side only carry that side in SNOMED CT (CarePlan R4 has no bodySite, hence an extension).
          extension: side ? [{ url: BODY_SIDE_EXTENSION, valueCodeableConcept: { coding: [side], text: side.display } }] : undefined,
          scheduledTiming: {
            repeat: { boundsPeriod: itemPeriod(item, plan), frequency: d.daysPerWeek, period: 1, periodUnit: "wk" },
          },
        }),
      ];
    }
    case "walking": {
      // Timing cannot grow week by week, so each week of the walk is its own activity.
      const d = item.dose;
      // A sitting break repeats through the sitting day ("every 30 minutes"), not a count of walks a week;
      // its days a week stay in the description, as one Timing cannot say both.
      const often = (w: WalkingWeek) =>
        isSittingBreak(d)
          ? { frequency: 1, period: d.breakEveryMinutes, periodUnit: "min" }
          : { frequency: w.daysPerWeek * w.sessionsPerDay, period: 1, periodUnit: "wk" };
      return walkingWeeks(d, plan.weeks).map((w) =>
        clean({
          ...base,
          description: `${name}, week ${w.week}: ${w.minutes} minutes, ${describeItemDose(item.kind, { ...d, minutes: w.minutes })}`,
          scheduledTiming: {
            repeat: {
              boundsPeriod: period(addDays(plan.startDate, (w.week - 1) * 7), 7),
              ...often(w),
              duration: w.minutes,
              durationUnit: "min",
            },
          },
        }),
      );
    }
    case "visit": {
      const d = item.dose;
      let offset = 0;
      return d.spans.map((s) => {
        const start = addDays(plan.startDate, offset * 7);
        offset += s.weeks;
        return clean({
          ...base,
          scheduledTiming: { repeat: { boundsPeriod: period(start, s.weeks * 7), frequency: s.perWeek, period: 1, periodUnit: "wk" } },
        });
      });
    }
    case "education":
      // A tip has no repeats; one that belongs to a phase is given for that phase's dates.
      return [clean({ ...base, scheduledPeriod: item.phaseId === undefined ? undefined : itemPeriod(item, plan) })];
  }
}

export function buildCarePlan(input: CarePlanInput, patientRef: string): Json {
  const { document, number, issuedAt } = input.version;
  const header: Header = {
    id: input.plan.id,
    status: input.plan.status,
    startDate: document.startDate,
    weeks: document.weeks,
    phases: document.phases,
  };
  return {
    resourceType: "CarePlan",
    id: `plan-${header.id}`,
    // Which issued version this is: the plan's id and the version number the patient was given.
    identifier: [{ system: `${STRIDE_SYSTEM}/plan-version`, value: `${header.id}-v${number}` }],
    status: statusMap[header.status],
    intent: "plan",
    title: document.title,
    description: document.goal ? `Goal in the patient's words: ${document.goal}` : undefined,
    subject: { reference: patientRef },
    period: period(header.startDate, header.weeks * 7),
    created: issuedAt.toISOString(),
    note: document.precautions ? [{ text: `Precautions: ${document.precautions}` }] : undefined,
    activity: document.items.flatMap((item) => activitiesFor(item, header)),
  };
}

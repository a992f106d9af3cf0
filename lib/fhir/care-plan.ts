import { addDays, type CalendarDate } from "@/lib/calendar-date";
import type { AnyDose, ExerciseDose, ItemKind, VisitDose, WalkingDose } from "@/lib/dose";
import { describeItemDose } from "@/lib/item-wording";
import type { PlanStatus } from "@/lib/plan-status";
import { walkingWeeks } from "@/lib/walking-progression";
import { BODY_SIDE_EXTENSION, bodySideCodes } from "./codes";

/**
 * The one input the CarePlan is built from: the plan's header and its items.
 * Kept this narrow on purpose: today it is filled from db/queries/plans.ts;
 * an issued plan document can fill it the same way.
 */
export type CarePlanInput = {
  header: { id: number; title: string; goal: string; status: PlanStatus; startDate: CalendarDate; weeks: number };
  items: { id: number; kind: ItemKind; dose: AnyDose; name: string }[];
};

const statusMap: Record<PlanStatus, string> = { draft: "draft", active: "active", completed: "completed", archived: "revoked" };

type Json = Record<string, unknown>;

const period = (start: CalendarDate, days: number) => ({ start, end: addDays(start, days - 1) });

function activityStatus(plan: CarePlanInput["header"]): string {
  if (plan.status === "completed") return "completed";
  if (plan.status === "archived") return "stopped";
  return plan.status === "active" ? "in-progress" : "not-started";
}

/** Walks, exercises and visit spans as FHIR Timing where FHIR can say it; the description always has the words. */
function activitiesFor(item: CarePlanInput["items"][number], plan: CarePlanInput["header"]): Json[] {
  const base = { kind: item.kind === "visit" ? "Appointment" : undefined, code: { text: item.name }, status: activityStatus(plan), description: `${item.name}: ${describeItemDose(item.kind, item.dose)}` };
  const clean = (d: Json) => ({ detail: Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) });
  switch (item.kind) {
    case "exercise": {
      const d = item.dose as ExerciseDose;
      const side = d.side === "left" || d.side === "right" ? bodySideCodes[d.side] : null;
      return [
        clean({
          ...base,
          // Exercises done on one side only carry that side in SNOMED CT (CarePlan R4 has no bodySite, hence an extension).
          extension: side ? [{ url: BODY_SIDE_EXTENSION, valueCodeableConcept: { coding: [side], text: side.display } }] : undefined,
          scheduledTiming: { repeat: { boundsPeriod: period(plan.startDate, plan.weeks * 7), frequency: d.daysPerWeek, period: 1, periodUnit: "wk" } },
        }),
      ];
    }
    case "walking": {
      // Timing cannot grow week by week, so each week of the walk is its own activity.
      const d = item.dose as WalkingDose;
      return walkingWeeks(d, plan.weeks).map((w) =>
        clean({
          ...base,
          description: `${item.name}, week ${w.week}: ${w.minutes} minutes, ${describeItemDose(item.kind, { ...d, minutes: w.minutes })}`,
          scheduledTiming: {
            repeat: { boundsPeriod: period(addDays(plan.startDate, (w.week - 1) * 7), 7), frequency: w.daysPerWeek * w.sessionsPerDay, period: 1, periodUnit: "wk", duration: w.minutes, durationUnit: "min" },
          },
        }),
      );
    }
    case "visit": {
      const d = item.dose as VisitDose;
      let offset = 0;
      return d.spans.map((s) => {
        const start = addDays(plan.startDate, offset * 7);
        offset += s.weeks;
        return clean({ ...base, scheduledTiming: { repeat: { boundsPeriod: period(start, s.weeks * 7), frequency: s.perWeek, period: 1, periodUnit: "wk" } } });
      });
    }
    case "education":
      return [clean(base)];
  }
}

export function buildCarePlan(input: CarePlanInput, patientRef: string): Json {
  const { header } = input;
  return {
    resourceType: "CarePlan",
    id: `plan-${header.id}`,
    status: statusMap[header.status],
    intent: "plan",
    title: header.title,
    description: header.goal ? `Goal in the patient's words: ${header.goal}` : undefined,
    subject: { reference: patientRef },
    period: period(header.startDate, header.weeks * 7),
    activity: input.items.flatMap((item) => activitiesFor(item, header)),
  };
}

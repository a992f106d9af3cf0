import type { CalendarDate } from "@/lib/calendar-date";
import { visitTypeLabels } from "@/lib/dose";
import { measures, type AnyMeasureAnswers, type MeasureAnswers, type MeasureContext, type MeasureId } from "@/lib/measures";
import { rmdqWording } from "@/lib/measures/wording";
import { expandVisits } from "@/lib/visit-schedule";
import { buildCarePlan, type CarePlanInput } from "./care-plan";
import { panelCodes, scoreCodes, STRIDE_SYSTEM, UCUM } from "./codes";

export type FhirExportInput = {
  patient: { id: number; name: string; dateOfBirth: string | null; phone: string; email: string };
  /** The active plan as last issued to the patient (or none). */
  plan: CarePlanInput | null;
  measures: {
    id: number;
    measure: MeasureId;
    context: MeasureContext;
    takenOn: CalendarDate;
    answers: AnyMeasureAnswers;
    score: number;
    source: "staff" | "link";
  }[];
  /** When the export was made (Bundle.timestamp). */
  now: Date;
};

type Json = Record<string, unknown>;

const surveyCategory = [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "survey", display: "Survey" }] }];

function patientResource(p: FhirExportInput["patient"]): Json {
  const parts = p.name.trim().split(/\s+/);
  const telecom = [p.phone ? { system: "phone", value: p.phone } : null, p.email ? { system: "email", value: p.email } : null].filter(Boolean);
  return {
    resourceType: "Patient",
    id: `patient-${p.id}`,
    identifier: [{ system: `${STRIDE_SYSTEM}/patient-id`, value: String(p.id) }],
    name: [
      { text: p.name, family: parts.length > 1 ? parts[parts.length - 1] : undefined, given: parts.length > 1 ? parts.slice(0, -1) : undefined },
    ],
    birthDate: p.dateOfBirth ?? undefined,
    telecom: telecom.length ? telecom : undefined,
  };
}

function answerItems(measure: MeasureId, answers: AnyMeasureAnswers): Json[] {
  const m = measures[measure];
  if (measure === "odi" || measure === "ndi") {
    const a = answers as MeasureAnswers["odi"];
    return a.sections.map((v, i) => ({ linkId: `sections.${i}`, text: m.sections![i], answer: v === null ? undefined : [{ valueInteger: v }] }));
  }
  if (measure === "nprs") return [{ linkId: "pain", text: "Pain now (0-10)", answer: [{ valueInteger: (answers as MeasureAnswers["nprs"]).pain }] }];
  if (measure === "peg") {
    const a = answers as MeasureAnswers["peg"];
    return (["pain", "enjoyment", "activity"] as const).map((k) => ({ linkId: k, answer: [{ valueInteger: a[k] }] }));
  }
  if (measure === "psfs")
    return (answers as MeasureAnswers["psfs"]).activities.map((a, i) => ({
      linkId: `activities.${i}`,
      item: [
        { linkId: `activities.${i}.activity`, text: "Activity", answer: [{ valueString: a.activity }] },
        { linkId: `activities.${i}.rating`, text: "Rating (0-10)", answer: [{ valueInteger: a.rating }] },
      ],
    }));
  return (answers as MeasureAnswers["rmdq"]).ticked.map((t, i) => ({
    linkId: `ticked.${i}`,
    text: rmdqWording.statements[i],
    answer: [{ valueBoolean: t }],
  }));
}

/** A Bundle (type "collection") with the patient, the plan as a CarePlan, its dated visits, and every measure with its score. */
export function buildFhirBundle(input: FhirExportInput): Json {
  const patientRef = `Patient/patient-${input.patient.id}`;
  const resources: Json[] = [patientResource(input.patient)];

  if (input.plan) {
    resources.push(buildCarePlan(input.plan, patientRef));
    const planId = input.plan.plan.id;
    const { document } = input.plan.version;
    // R4 Appointments have no recurrence: one per dated visit. Only the day is known, so each is "proposed" with a requested period.
    // Ids use the item's place in the issued document (an imported item has no item id).
    document.items
      .flatMap((it, position) =>
        it.kind === "visit" ? expandVisits(it.dose, document.startDate).map((v) => ({ ...v, position: position + 1 })) : [],
      )
      .sort((a, b) => a.date.localeCompare(b.date))
      .forEach((v, i) =>
        resources.push({
          resourceType: "Appointment",
          id: `visit-${planId}-${v.position}-${i + 1}`,
          status: "proposed",
          serviceType: [{ text: visitTypeLabels[v.visitType] }],
          description: `${visitTypeLabels[v.visitType]}, plan week ${v.week}`,
          requestedPeriod: [{ start: v.date, end: v.date }],
          participant: [{ actor: { reference: patientRef }, status: "needs-action" }],
        }),
      );
  }

  for (const r of input.measures) {
    const m = measures[r.measure];
    const qrId = `measure-${r.id}-answers`;
    const obsId = `measure-${r.id}-score`;
    resources.push({
      resourceType: "QuestionnaireResponse",
      id: qrId,
      questionnaire: `${STRIDE_SYSTEM}/Questionnaire/${r.measure}`,
      status: "completed",
      subject: { reference: patientRef },
      authored: r.takenOn,
      source: r.source === "link" ? { reference: patientRef } : undefined,
      item: answerItems(r.measure, r.answers),
    });
    const band = m.band ? m.band(r.score) : null;
    resources.push({
      resourceType: "Observation",
      id: obsId,
      status: "final",
      category: surveyCategory,
      code: { coding: [scoreCodes[r.measure]], text: `${m.name} score` },
      subject: { reference: patientRef },
      effectiveDateTime: r.takenOn,
      valueQuantity:
        m.unit === "%" ? { value: r.score, unit: "%", system: UCUM, code: "%" } : { value: r.score, unit: "score", system: UCUM, code: "{score}" },
      note: [{ text: `${r.context}${band ? `; ${band}` : ""}` }],
      derivedFrom: [{ reference: `QuestionnaireResponse/${qrId}` }],
    });
    const panel = panelCodes[r.measure];
    if (panel)
      resources.push({
        resourceType: "Observation",
        id: `measure-${r.id}-panel`,
        status: "final",
        category: surveyCategory,
        code: { coding: [panel], text: m.name },
        subject: { reference: patientRef },
        effectiveDateTime: r.takenOn,
        hasMember: [{ reference: `Observation/${obsId}` }],
        derivedFrom: [{ reference: `QuestionnaireResponse/${qrId}` }],
      });
  }

  const bundle = {
    resourceType: "Bundle",
    type: "collection",
    timestamp: input.now.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: `${STRIDE_SYSTEM}/${resource.resourceType}/${resource.id}`, resource })),
  };
  // Drop undefined members so the JSON holds only what is known (FHIR forbids empty values).
  return JSON.parse(JSON.stringify(bundle)) as Json;
}

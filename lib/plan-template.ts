import { z } from "zod";
import "@/lib/zod-browser";
import { isCalendarDate } from "./calendar-date";
import {
  checkDocument,
  documentProblems,
  PLAN_DOCUMENT_FORMAT,
  planDocumentFields,
  planDocumentSchema,
  type DocumentProblem,
  type PlanDocument,
} from "./plan-document";

/**
 * A plan template: a plan document without a patient or dates. It is the
 * document schema minus the start date, plus what a clinic needs to choose
 * one (a description, the guideline it follows, when it was last reviewed).
 * Starting a plan from it adds the start date and nothing else, so a
 * template passes the same checks a plan does.
 */

export const PLAN_TEMPLATE_FORMAT = "stride.plan-template/1";

const text = (label: string, max: number) =>
  z.string({ error: `${label} must be text.` }).max(max, { error: `${label} can be at most ${max} characters.` });

export const planTemplateSchema = planDocumentFields
  .omit({ format: true, startDate: true })
  .extend({
    format: z.literal(PLAN_TEMPLATE_FORMAT, { error: `This is not a Stride plan template (format must be "${PLAN_TEMPLATE_FORMAT}").` }),
    description: text("Description", 600).default(""),
    /** The guideline it follows, by name and year ("NICE NG59 (2016, updated 2020)"). */
    guideline: text("Guideline", 300).default(""),
    /** Calendar date "YYYY-MM-DD" the clinical content was last checked; empty when never reviewed. */
    lastReviewed: z
      .string({ error: "Last reviewed must be a date (YYYY-MM-DD)." })
      .refine((v) => v === "" || isCalendarDate(v), { error: "Last reviewed must be a real date (YYYY-MM-DD)." })
      .default(""),
  })
  .superRefine(checkDocument);
export type PlanTemplate = z.infer<typeof planTemplateSchema>;

/** The template's header fields a clinician edits on the templates page (the items are edited through a plan). */
export const templateDetailsSchema = z.object({
  title: text("Title", 120).trim().min(1, { error: "Title is required." }),
  description: text("Description", 600).trim(),
  guideline: text("Guideline", 300).trim(),
});
export type TemplateDetails = z.infer<typeof templateDetailsSchema>;

/** A plan's document as a template: the start date is dropped, the ids that tie it to one plan are cleared. */
export function templateFromDocument(
  doc: PlanDocument,
  details: Partial<Pick<PlanTemplate, "title" | "description" | "guideline" | "lastReviewed">> = {},
): PlanTemplate {
  const { startDate: _startDate, format: _format, ...body } = doc;
  return planTemplateSchema.parse({
    ...body,
    format: PLAN_TEMPLATE_FORMAT,
    items: doc.items.map((item) => ({ ...item, itemId: null })),
    description: details.description ?? "",
    guideline: details.guideline ?? "",
    lastReviewed: details.lastReviewed ?? "",
    ...(details.title ? { title: details.title } : {}),
  });
}

/**
 * A template made into a plan document starting on `startDate`. Doses are
 * kept as written; dates come only from the start date (visit days and
 * walking weeks are counted from it), so nothing else needs shifting.
 */
export function documentFromTemplate(template: PlanTemplate, { startDate, title }: { startDate: string; title?: string }): PlanDocument {
  const { description: _d, guideline: _g, lastReviewed: _l, format: _f, ...body } = template;
  return planDocumentSchema.parse({
    ...body,
    format: PLAN_DOCUMENT_FORMAT,
    title: title?.trim() ? title.trim() : template.title,
    startDate,
    items: template.items.map((item) => ({ ...item, itemId: null })),
  });
}

export type ParsedTemplate = { ok: true; template: PlanTemplate } | { ok: false; problems: DocumentProblem[] };

/** Checks a would-be template, every problem by its JSON path. */
export function parseTemplate(value: unknown): ParsedTemplate {
  const parsed = planTemplateSchema.safeParse(value);
  return parsed.success ? { ok: true, template: parsed.data } : { ok: false, problems: documentProblems(parsed.error) };
}

/** Reads a stored template; stored ones were checked when written, so a failure is a bug. */
export function readTemplate(json: string): PlanTemplate {
  return planTemplateSchema.parse(JSON.parse(json));
}

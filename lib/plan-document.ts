import { z } from "zod";
import "@/lib/zod-browser";
import { isCalendarDate } from "./calendar-date";
import { bodyRegions } from "./library";
import { checkPhases, phaseIdSchema, phasesSchema } from "./plan-phases";
import { educationDoseSchema, exerciseDoseSchema, limits, visitDoseSchema, walkingDoseSchema, type ItemKind } from "./dose";

/**
 * The plan document: everything a patient is given, as one self-contained
 * value. The print handout, the phone page, the calendar file, the version
 * history and the JSON export all read this shape, and this zod schema is its
 * one definition (docs/plan-document.schema.json is generated from it).
 *
 * Once a version is issued its document never changes: a library edit made
 * later does not reach it, because each item carries a snapshot of the text
 * the patient reads.
 */

export const PLAN_DOCUMENT_FORMAT = "stride.plan-document/1";

const text = (label: string, max: number) =>
  z.string({ error: `${label} must be text.` }).max(max, { error: `${label} can be at most ${max} characters.` });
const lines = (label: string) =>
  z.array(text(label, 400), { error: `${label} must be a list of lines.` }).max(12, { error: `At most 12 lines of ${label.toLowerCase()}.` });

/** Which library categories each kind of item may come from. */
export const categoriesByKind = {
  exercise: ["stretch", "strengthen", "mobility", "posture"],
  walking: ["walking"],
  visit: ["visit"],
  education: ["education"],
} as const satisfies Record<ItemKind, readonly string[]>;

/** The library text as the patient read it when the version was issued. */
function snapshotSchema<K extends ItemKind>(kind: K) {
  return z.object({
    /** The library entry it was taken from, in the clinic that issued it; null when it came from an imported file. */
    libraryEntryId: z.number().int().positive().nullable(),
    /** Stable key of a starter entry ("bird-dog"); null for a clinic's own entries. */
    slug: z
      .string()
      .regex(/^[a-z0-9-]{1,80}$/, { error: "A library key uses a-z, 0-9 and dashes." })
      .nullable(),
    name: text("Name", 120).trim().min(1, { error: "Name is required." }),
    /** Everyday words for a jargon name ("buttock stretch"); empty when the name is plain already. */
    plainName: text("Plain name", 120).default(""),
    category: z.enum(categoriesByKind[kind], { error: `Category must be one of: ${categoriesByKind[kind].join(", ")}.` }),
    /** Parts of the body it works on: neck items bring the neck's urgent signs onto the handout. */
    bodyRegions: z
      .array(z.enum(bodyRegions, { error: `A body region is one of: ${bodyRegions.join(", ")}.` }))
      .max(bodyRegions.length)
      .default([]),
    summary: text("Summary", 300),
    steps: lines("Steps"),
    cautions: lines("Cautions"),
    /** File name under public/illustrations/, or null for no picture. */
    illustration: z
      .string()
      .regex(/^[a-z0-9-]{1,80}\.(svg|png|webp)$/, { error: "An illustration is a file name such as bird-dog.svg." })
      .nullable(),
    illustrationAlt: text("Picture description", 300),
    /** Worked one side at a time: a dose for both sides reads "each side". */
    oneSided: z.boolean({ error: "oneSided must be true or false." }),
  });
}

/** The plan item's id in the clinic that issued it: ties ticks and the version history to an item across versions. */
const itemId = z.number().int().positive().nullable();
/** The phase (by its id in `phases`) the item belongs to; absent when it runs for the whole plan. */
const phaseId = phaseIdSchema.optional();

export const exerciseItemSchema = z.object({
  kind: z.literal("exercise"),
  itemId,
  phaseId,
  dose: exerciseDoseSchema,
  entry: snapshotSchema("exercise"),
});
export const walkingItemSchema = z.object({ kind: z.literal("walking"), itemId, phaseId, dose: walkingDoseSchema, entry: snapshotSchema("walking") });
export const visitItemSchema = z.object({ kind: z.literal("visit"), itemId, phaseId, dose: visitDoseSchema, entry: snapshotSchema("visit") });
export const educationItemSchema = z.object({
  kind: z.literal("education"),
  itemId,
  phaseId,
  dose: educationDoseSchema,
  entry: snapshotSchema("education"),
});

export const planDocumentItemSchema = z.discriminatedUnion("kind", [exerciseItemSchema, walkingItemSchema, visitItemSchema, educationItemSchema], {
  error: "Each item needs a kind: exercise, walking, visit or education.",
});
export type PlanDocumentItem = z.infer<typeof planDocumentItemSchema>;
export type ItemSnapshot = PlanDocumentItem["entry"];
export type ItemOfKind<K extends ItemKind> = Extract<PlanDocumentItem, { kind: K }>;

export const MAX_PLAN_ITEMS = 60;

/** The document's fields before the cross-field checks (templates derive their shape from it). */
export const planDocumentFields = z.object({
  format: z.literal(PLAN_DOCUMENT_FORMAT, { error: `This is not a Stride plan document (format must be "${PLAN_DOCUMENT_FORMAT}").` }),
  title: text("Title", 120).trim().min(1, { error: "Title is required." }),
  goal: text("Goal", 300),
  /** Calendar date "YYYY-MM-DD" in the clinic's time zone. */
  startDate: z
    .string({ error: "Start date must be a real date (YYYY-MM-DD)." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Start date must be a real date (YYYY-MM-DD)." })
    .refine(isCalendarDate, { error: "Start date must be a real date (YYYY-MM-DD)." }),
  weeks: z
    .number({ error: "Length must be a number of weeks." })
    .int({ error: "Length must be a whole number of weeks." })
    .min(limits.planWeeks.min, { error: `Length must be ${limits.planWeeks.min} to ${limits.planWeeks.max} weeks.` })
    .max(limits.planWeeks.max, { error: `Length must be ${limits.planWeeks.min} to ${limits.planWeeks.max} weeks.` }),
  precautions: text("Precautions", 2000),
  /** Named runs of weeks, in order; absent (or empty) for a plan without phases. See lib/plan-phases.ts. */
  phases: phasesSchema.optional(),
  items: z
    .array(planDocumentItemSchema, { error: "items must be a list." })
    .min(1, { error: "A plan needs at least one item." })
    .max(MAX_PLAN_ITEMS, { error: `A plan can hold at most ${MAX_PLAN_ITEMS} items.` }),
});

/** Visits are dated from the start date: a pattern longer than the plan would run past its end. */
export function checkVisitsFitWeeks(doc: { weeks: number; items: PlanDocumentItem[] }, ctx: z.RefinementCtx) {
  if (!Number.isInteger(doc.weeks) || doc.weeks < limits.planWeeks.min || !Array.isArray(doc.items)) return;
  doc.items.forEach((item, i) => {
    if (item.kind !== "visit") return;
    const weeks = item.dose.spans.reduce((sum, s) => sum + s.weeks, 0);
    if (weeks > doc.weeks)
      ctx.addIssue({
        code: "custom",
        path: ["items", i, "dose", "spans"],
        message: `These visits run ${weeks} weeks, but the plan is ${doc.weeks} ${doc.weeks === 1 ? "week" : "weeks"} long.`,
      });
  });
}

/** The checks across fields that a plan and a template share: visits fit the weeks, phases are in order and exist. */
export function checkDocument(doc: Parameters<typeof checkVisitsFitWeeks>[0] & Parameters<typeof checkPhases>[0], ctx: z.RefinementCtx) {
  checkVisitsFitWeeks(doc, ctx);
  checkPhases(doc, ctx);
}

export const planDocumentSchema = planDocumentFields.superRefine(checkDocument);
export type PlanDocument = z.infer<typeof planDocumentSchema>;

/** Only home exercises and walks get a tick box; visits and tips are not "done" by the patient. */
export function isTickable(item: Pick<PlanDocumentItem, "kind">): boolean {
  return item.kind === "exercise" || item.kind === "walking";
}

/** A zod path as a reader writes it: ["items", 3, "dose", "reps"] -> "items[3].dose.reps". */
export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), "");
}

export type DocumentProblem = { path: string; message: string };

/** Every problem in a would-be document, by JSON path ("items[3].dose.reps: Reps can be at most 100."). */
export function documentProblems(error: z.ZodError): DocumentProblem[] {
  return error.issues.map((issue) => ({ path: jsonPath(issue.path) || "(the whole file)", message: issue.message }));
}

/** A stable text form of a document: equal documents give equal strings (used to make issuing idempotent). */
export function canonicalDocument(doc: PlanDocument): string {
  return JSON.stringify(doc, (_key, value: unknown) =>
    value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );
}

/** Parses a stored version. Issued documents were validated when written, so a failure here is a bug, not bad input. */
export function readDocument(json: string): PlanDocument {
  return planDocumentSchema.parse(JSON.parse(json));
}

/** The document without the ids that belong to one database (for comparing an export with a re-import). */
export function withoutIds(doc: PlanDocument): PlanDocument {
  return { ...doc, items: doc.items.map(itemWithoutIds) };
}

function itemWithoutIds<T extends PlanDocumentItem>(item: T): T {
  return { ...item, itemId: null, entry: { ...item.entry, libraryEntryId: null } };
}

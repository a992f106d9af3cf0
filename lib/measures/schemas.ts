import "@/lib/zod-browser";
import { z } from "zod";
import { isCalendarDate } from "@/lib/calendar-date";
import { NDI_MAX_MISSING } from "./ndi";
import { ODI_MAX_MISSING } from "./odi";

/**
 * One answers schema per measure, shared by the staff form, the patient's
 * link form and the server. Inputs may come from a form (strings, "" for
 * blank) or from JSON (numbers); both parse to the same stored shape. Error
 * paths match the form's field names ("sections.3", "activities.0.rating").
 */
export const measureIds = ["odi", "ndi", "nprs", "psfs", "rmdq", "peg"] as const;
export type MeasureId = (typeof measureIds)[number];

export const measureContexts = ["intake", "re-assessment", "discharge"] as const;
export type MeasureContext = (typeof measureContexts)[number];
export const measureContextLabels: Record<MeasureContext, string> = {
  intake: "Intake (baseline)",
  "re-assessment": "Re-assessment",
  discharge: "Discharge",
};

const blankToNull = (v: unknown) => (v === "" || v === undefined ? null : typeof v === "string" ? Number(v) : v);

function rating(label: string, max: number) {
  return z
    .number({ error: `${label}: choose a number from 0 to ${max}.` })
    .int({ error: `${label} must be a whole number from 0 to ${max}.` })
    .min(0, { error: `${label} must be a whole number from 0 to ${max}.` })
    .max(max, { error: `${label} must be a whole number from 0 to ${max}.` });
}

const requiredRating = (label: string, max: number) => z.preprocess(blankToNull, rating(label, max));
const optionalRating = (label: string, max: number) => z.preprocess(blankToNull, rating(label, max).nullable());

function tenSections(name: string, maxMissing: number) {
  return z.object({
    sections: z
      .array(optionalRating("This section", 5), { error: `${name} has 10 sections.` })
      .length(10, { error: `${name} has 10 sections.` })
      .refine((s) => s.filter((a) => a === null).length <= maxMissing, {
        error: `Answer at least ${10 - maxMissing} of the 10 sections: with more than ${maxMissing} left blank there is no score.`,
      }),
  });
}

export const odiAnswersSchema = tenSections("The ODI", ODI_MAX_MISSING);
export const ndiAnswersSchema = tenSections("The NDI", NDI_MAX_MISSING);
export const nprsAnswersSchema = z.object({ pain: requiredRating("Pain", 10) });
export const pegAnswersSchema = z.object({
  pain: requiredRating("Average pain", 10),
  enjoyment: requiredRating("Enjoyment of life", 10),
  activity: requiredRating("General activity", 10),
});

export const PSFS_MAX_ACTIVITIES = 5;
const psfsRow = z.object({
  activity: z.string().trim().max(120, { error: "Keep the activity under 120 characters." }).default(""),
  rating: z.preprocess(blankToNull, rating("Rating", 10).nullable()).default(null),
});
export const psfsAnswersSchema = z.object({
  activities: z
    .array(psfsRow.nullable().transform((r) => r ?? { activity: "", rating: null }))
    .max(PSFS_MAX_ACTIVITIES, { error: `Name at most ${PSFS_MAX_ACTIVITIES} activities.` })
    .superRefine((rows, ctx) => {
      let rowErrors = 0;
      rows.forEach((r, i) => {
        if (r.activity && r.rating === null) {
          rowErrors += 1;
          ctx.addIssue({ code: "custom", path: [i, "rating"], message: "Rate this activity from 0 to 10." });
        }
        if (!r.activity && r.rating !== null) {
          rowErrors += 1;
          ctx.addIssue({ code: "custom", path: [i, "activity"], message: "Name the activity you are rating." });
        }
      });
      if (rowErrors === 0 && !rows.some((r) => r.activity && r.rating !== null))
        ctx.addIssue({ code: "custom", path: [], message: "Name at least one activity and rate it." });
    })
    .transform((rows) => rows.filter((r) => r.activity !== "").map((r) => ({ activity: r.activity, rating: r.rating as number }))),
});

export const RMDQ_STATEMENTS = 24;
export const rmdqAnswersSchema = z.object({
  ticked: z.preprocess(
    (v) => (Array.isArray(v) ? Array.from({ length: Math.max(v.length, RMDQ_STATEMENTS) }, (_, i) => v[i] === true || v[i] === "on") : v),
    z.array(z.boolean()).length(RMDQ_STATEMENTS, { error: `The Roland-Morris questionnaire has ${RMDQ_STATEMENTS} statements.` }),
  ),
});

export const measureAnswerSchemas = {
  odi: odiAnswersSchema,
  ndi: ndiAnswersSchema,
  nprs: nprsAnswersSchema,
  psfs: psfsAnswersSchema,
  rmdq: rmdqAnswersSchema,
  peg: pegAnswersSchema,
} as const;

export type MeasureAnswers = { [K in MeasureId]: z.output<(typeof measureAnswerSchemas)[K]> };
export type AnyMeasureAnswers = MeasureAnswers[MeasureId];

/** The record around the answers; the date's "not in the future" needs the clinic's zone, so the query checks that. */
export const measureRecordSchema = z.object({
  measure: z.enum(measureIds, { error: "Choose a measure." }),
  context: z.enum(measureContexts, { error: "Choose intake, re-assessment or discharge." }),
  takenOn: z
    .string({ error: "Enter the date the measure was taken." })
    .trim()
    .refine(isCalendarDate, { error: "Enter the date as a real date (YYYY-MM-DD)." })
    .refine((d) => d >= "2000-01-01", { error: "Enter a date from 2000 onwards." }),
});
export type MeasureRecordInput = z.infer<typeof measureRecordSchema>;

/**
 * Form fields named with dots ("sections.3", "activities.0.rating") into
 * nested objects and arrays, so error paths and field names are the same text.
 */
export function unflattenForm(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split(".");
    if (parts.some((p) => p === "" || p === "__proto__" || p === "constructor" || p === "prototype")) continue;
    let node: Record<string, unknown> | unknown[] = out;
    for (let i = 0; i < parts.length; i += 1) {
      const part = parts[i];
      const index = /^\d{1,2}$/.test(part) ? Number(part) : null;
      if (/^\d+$/.test(part) && index === null) break; // absurd indexes are dropped, not allocated
      const last = i === parts.length - 1;
      const holder = node as Record<string, unknown>;
      const k = index ?? part;
      if (last) holder[k as string] = value;
      else {
        const nextIsIndex = /^\d+$/.test(parts[i + 1]);
        holder[k as string] ??= nextIsIndex ? [] : {};
        node = holder[k as string] as Record<string, unknown>;
        if (typeof node !== "object" || node === null) break;
      }
    }
  }
  // Sparse arrays from the form become dense, with undefined holes for blank rows.
  const densify = (v: unknown): unknown =>
    Array.isArray(v)
      ? Array.from({ length: v.length }, (_, i) => densify(v[i]))
      : v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, densify(x)]))
        : v;
  return densify(out) as Record<string, unknown>;
}

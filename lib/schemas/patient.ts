import "@/lib/zod-browser";
import { z } from "zod";
import { isCalendarDate } from "@/lib/calendar-date";
import { precautionKinds } from "@/lib/precautions";
import { optionalText, requiredText } from "./fields";

export const patientSchema = z
  .object({
    name: requiredText("Name", 120),
    dateOfBirth: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || isCalendarDate(v), { error: "Enter the date of birth as a real date (YYYY-MM-DD)." })
      .refine((v) => v === "" || (v >= "1900-01-01" && v <= new Date().toISOString().slice(0, 10)), {
        error: "Date of birth must be between 1900 and today.",
      }),
    phone: optionalText("Phone", 40).refine((v) => v === "" || /^[0-9+().\-\s]{5,40}$/.test(v), {
      error: "Phone may hold only digits, spaces and + ( ) - .",
    }),
    email: optionalText("Email", 200).refine((v) => v === "" || z.email().safeParse(v).success, {
      error: "Enter an email address like name@example.com.",
    }),
    condition: optionalText("Condition summary", 500),
    notes: optionalText("Notes", 4000),
    precautions: z
      .array(z.enum(precautionKinds, { error: "Unknown precaution." }))
      .default([])
      .transform((list) => precautionKinds.filter((p) => list.includes(p))),
    spineSurgeryDate: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || isCalendarDate(v), { error: "Enter the surgery date as a real date (YYYY-MM-DD)." })
      .refine((v) => v === "" || (v >= "1900-01-01" && v <= new Date().toISOString().slice(0, 10)), {
        error: "The surgery date cannot be in the future.",
      }),
    precautionNote: optionalText("Other precautions", 1000),
  })
  .refine((p) => !p.precautions.includes("spine-surgery") || p.spineSurgeryDate !== "", {
    error: "Give the date of the spine surgery.",
    path: ["spineSurgeryDate"],
  })
  // A surgery date only means something next to the ticked box.
  .transform((p) => (p.precautions.includes("spine-surgery") ? p : { ...p, spineSurgeryDate: "" }));
export type PatientInput = z.infer<typeof patientSchema>;
/** What the patient form sends before parsing. */
export type PatientFormInput = z.input<typeof patientSchema>;

/** Where a page of the patient list starts or ends: the sort key (lower-case name) and id of the row beside it. */
export type PatientCursor = { key: string; id: number };

export function encodePatientCursor(cursor: PatientCursor): string {
  return `${cursor.key}|${cursor.id}`;
}

// "name|id", split at the last bar (a name may hold one). Malformed reads as "no cursor": page 1.
const patientCursor = z
  .string()
  .max(300)
  .regex(/^[\s\S]*\|[1-9][0-9]{0,14}$/)
  .transform((v): PatientCursor => {
    const bar = v.lastIndexOf("|");
    return { key: v.slice(0, bar), id: Number(v.slice(bar + 1)) };
  })
  .optional()
  .catch(undefined);

/** The patient list's URL: search, archived or current, and keyset paging (`after` goes forward, `before` back). */
export const patientSearchSchema = z.object({
  q: z.string().trim().max(120).catch(""),
  archived: z.enum(["0", "1"]).catch("0"),
  after: patientCursor,
  before: patientCursor,
});

import "@/lib/zod-browser";
import { z } from "zod";
import { isCalendarDate } from "@/lib/calendar-date";
import { optionalText, requiredText } from "./fields";

export const patientSchema = z.object({
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
});
export type PatientInput = z.infer<typeof patientSchema>;

export const patientSearchSchema = z.object({
  q: z.string().trim().max(120).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  archived: z.enum(["0", "1"]).catch("0"),
});

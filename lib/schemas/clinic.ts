import "@/lib/zod-browser";
import { z } from "zod";
import { isTimeZone } from "@/lib/calendar-date";
import { formInt, optionalText, requiredText } from "./fields";

export const clinicProfileSchema = z.object({
  name: requiredText("Clinic name", 120),
  phone: requiredText("Phone", 40).refine((v) => v === "" || v.length > 40 || /^[0-9+().\-\s]{5,40}$/.test(v), {
    error: "Phone needs 5 to 40 characters and may hold only digits, spaces and + ( ) - .",
  }),
  email: optionalText("Email", 200).refine((v) => v === "" || z.email().safeParse(v).success, {
    error: "Enter an email address like frontdesk@example.com.",
  }),
  address: optionalText("Address", 300),
  // Only web addresses: a "javascript:" or "data:" link printed on a handout is never wanted.
  website: optionalText("Website", 300).refine((v) => v === "" || z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).safeParse(v).success, {
    error: "Enter the full web address, starting with https:// (for example https://example.com).",
  }),
  timeZone: z
    .string({ error: "Choose the clinic's time zone." })
    .trim()
    .refine((v) => isTimeZone(v), { error: "Choose a time zone from the list (for example America/New_York)." }),
  handoutFooter: optionalText("Handout footer", 300),
  idleTimeoutMinutes: formInt("Sign-out after inactivity", 1, 240, "minutes"),
  absoluteTimeoutHours: formInt("Longest session", 1, 24, "hours"),
  quietDaysFlag: formInt("Days without entries", 1, 30, "days"),
});
export type ClinicProfileInput = z.infer<typeof clinicProfileSchema>;

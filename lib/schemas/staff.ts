import "@/lib/zod-browser";
import { z } from "zod";
import { roles } from "@/lib/authz";
import { passwordSchema } from "@/lib/password";
import { requiredText } from "./fields";

export const roleSchema = z.enum(roles, { error: "Choose Admin or Therapist." });

/** Staff ids are Better Auth's text ids; bound ids and route params arrive from the browser. */
export const staffIdSchema = z.string().min(1).max(100);

const emailSchema = z
  .string({ error: "Email is required." })
  .trim()
  .toLowerCase()
  .min(1, { error: "Email is required." })
  .max(200, { error: "Email can be at most 200 characters." })
  // Emails are stored lower-cased, so "Ann@Clinic.org" and "ann@clinic.org" are one person.
  .pipe(z.email({ error: "Enter an email address like name@example.com." }));

export const addStaffSchema = z.object({
  name: requiredText("Name", 120),
  email: emailSchema,
  role: roleSchema,
  password: passwordSchema,
});
export type AddStaffInput = z.infer<typeof addStaffSchema>;

export const resetPasswordSchema = z.object({ password: passwordSchema });

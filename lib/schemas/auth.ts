import "@/lib/zod-browser";
import { z } from "zod";
import { passwordSchema } from "@/lib/password";
import { optionalText, requiredText } from "./fields";

const email = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(200, { error: "That email address is too long." })
  .pipe(z.email({ error: "Enter an email address like name@example.com." }));

/** Sign-in checks only shape; the password policy applies when a password is set. */
export const signInSchema = z.object({
  email,
  password: z.string({ error: "Enter your password." }).min(1, { error: "Enter your password." }).max(128, { error: "Enter your password." }),
});

export const setupSchema = z.object({
  clinicName: requiredText("Clinic name", 120),
  clinicPhone: requiredText("Clinic phone", 40).refine((v) => /^[0-9+().\-\s]{5,40}$/.test(v), {
    error: "Phone may hold only digits, spaces and + ( ) - .",
  }),
  name: requiredText("Your name", 120),
  email,
  password: passwordSchema,
  timeZone: optionalText("Time zone", 60),
});

/**
 * Only same-site paths may follow sign-in, never another host. The path is
 * parsed the way a browser would (which drops tabs and newlines and reads
 * backslashes as slashes), and kept only if it stays on this site.
 */
export function safeNextPath(next: unknown): string {
  const fallback = "/patients";
  if (typeof next !== "string" || !next.startsWith("/") || /[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, "http://stride.invalid");
  } catch {
    return fallback;
  }
  if (url.origin !== "http://stride.invalid") return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith("//") || path.startsWith("/sign-in") || path.startsWith("/setup")) return fallback;
  return path.slice(0, 500);
}

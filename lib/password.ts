import "@/lib/zod-browser";
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";
import { z } from "zod";

/** argon2id with the OWASP/SECURITY.md parameters: 19 MiB, 2 passes, 1 lane. */
const ARGON2ID = 2;
const params = { algorithm: ARGON2ID, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, params);
}

export async function verifyPassword({ hash: stored, password }: { hash: string; password: string }): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// A list of about 49,000 passwords seen most often in breaches, shipped in a registry package.
const common = new Set<string>(dictionary["passwords-common"] as string[]);

/**
 * At least 8 characters, at most 128 (never truncated), no composition
 * rules, and not one of the passwords people pick most often.
 */
export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(8, { error: "Use at least 8 characters. A short sentence is easy to remember." })
  .max(128, { error: "Use at most 128 characters." })
  .refine((p) => !common.has(p.toLowerCase()), { error: "That password is one of the most common ones. Choose something less guessable." })
  .refine((p) => p.trim().length > 0, { error: "A password cannot be only spaces." });

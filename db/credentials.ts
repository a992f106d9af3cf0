import { eq } from "drizzle-orm";
import crypto from "node:crypto";
import type { Executor } from "@/db";
import { accounts, users } from "@/db/schema";
import type { Role } from "@/lib/authz";
import { RuleError } from "@/lib/errors";

/**
 * Writes a staff user and the email/password credential Better Auth signs
 * them in with (provider "credential", hash from lib/password.ts). Kept out of
 * the server-only query layer so the seed script can use it too.
 */
export function writeStaffUser(db: Executor, input: { name: string; email: string; role: Role; hash: string }) {
  const email = input.email.toLowerCase();
  if (db.select({ id: users.id }).from(users).where(eq(users.email, email)).get())
    throw new RuleError("Someone on the staff already uses that email.", "email");
  const id = crypto.randomUUID();
  const now = new Date();
  db.insert(users).values({ id, name: input.name, email, emailVerified: true, role: input.role, active: true, createdAt: now, updatedAt: now }).run();
  db.insert(accounts)
    .values({ id: crypto.randomUUID(), accountId: id, providerId: "credential", userId: id, password: input.hash, createdAt: now, updatedAt: now })
    .run();
  return { id };
}

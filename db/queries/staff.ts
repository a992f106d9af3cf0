import "server-only";
import { and, asc, count, eq, ne } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { accounts, sessions, users } from "@/db/schema";
import { assertCan, can, type Actor, type Role } from "@/lib/authz";
import { NotFoundError, RuleError } from "@/lib/errors";
import { hashPassword } from "@/lib/password";
import { writeStaffUser } from "../credentials";
import { audited } from "./audit";

export { writeStaffUser };

export type StaffMember = { id: string; name: string; email: string; role: Role; active: boolean; createdAt: Date };

export function countStaff(): number {
  return getDb().select({ n: count() }).from(users).get()?.n ?? 0;
}

export function listStaff({ actor }: { actor: Actor | null }): StaffMember[] {
  assertCan(actor, "staff:manage");
  return getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.name))
    .all();
}

/** The staff picker for the audit log: names only. */
export function listStaffNames({ actor }: { actor: Actor | null }) {
  assertCan(actor, "audit:read");
  return getDb().select({ id: users.id, name: users.name }).from(users).orderBy(asc(users.name)).all();
}

/**
 * Adds a staff member (audited as "staff.add"). The password is hashed before
 * the synchronous transaction, and only for a caller who may add staff.
 */
export async function addStaff({ actor, input }: { actor: Actor | null; input: { name: string; email: string; role: Role; password: string } }) {
  const hash = can(actor, "staff:manage") ? await hashPassword(input.password) : "";
  return audited({ actor, permission: "staff:manage", action: "staff.add" }, (tx, ctx) => {
    ctx.detail = `${input.name} <${input.email.toLowerCase()}> as ${input.role}`;
    return writeStaffUser(tx, { ...input, hash });
  });
}

function otherActiveAdmins(db: Executor, userId: string) {
  return (
    db
      .select({ n: count() })
      .from(users)
      .where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, userId)))
      .get()?.n ?? 0
  );
}

function existing(db: Executor, id: string) {
  const user = db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active })
    .from(users)
    .where(eq(users.id, id))
    .get();
  if (!user) throw new NotFoundError("Staff member");
  return user;
}

/** Who a staff change was about, for the audit row's detail. */
const who = (user: { name: string; email: string }) => `${user.name} <${user.email}>`;

export function setStaffRole({ actor, id, role }: { actor: Actor | null; id: string; role: Role }) {
  audited({ actor, permission: "staff:manage", action: "staff.role" }, (tx, ctx) => {
    const user = existing(tx, id);
    ctx.detail = `${who(user)}: ${user.role} to ${role}`;
    if (user.role === "admin" && role !== "admin" && user.active && otherActiveAdmins(tx, id) === 0)
      throw new RuleError("The clinic needs at least one active admin. Make someone else an admin first.", "role");
    tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, id)).run();
  });
}

/** Deactivating ends every session of that account at once; nothing of theirs is deleted. */
export function setStaffActive({ actor, id, active }: { actor: Actor | null; id: string; active: boolean }) {
  audited({ actor, permission: "staff:manage", action: active ? "staff.reactivate" : "staff.deactivate" }, (tx, ctx) => {
    const user = existing(tx, id);
    ctx.detail = who(user);
    if (!active && user.role === "admin" && otherActiveAdmins(tx, id) === 0)
      throw new RuleError("The clinic needs at least one active admin, so the last one cannot be deactivated.");
    tx.update(users).set({ active, updatedAt: new Date() }).where(eq(users.id, id)).run();
    if (!active) tx.delete(sessions).where(eq(sessions.userId, id)).run();
  });
}

/** Sets a new password and signs the person out everywhere. */
export async function resetStaffPassword({ actor, id, password }: { actor: Actor | null; id: string; password: string }) {
  const hash = can(actor, "staff:manage") ? await hashPassword(password) : "";
  audited({ actor, permission: "staff:manage", action: "staff.password" }, (tx, ctx) => {
    const user = existing(tx, id);
    ctx.detail = who(user);
    tx.update(accounts)
      .set({ password: hash, updatedAt: new Date() })
      .where(and(eq(accounts.userId, id), eq(accounts.providerId, "credential")))
      .run();
    tx.delete(sessions).where(eq(sessions.userId, id)).run();
  });
}

/** One staff member for the admin pages: no credential columns. */
export function getStaffMember({ actor, id }: { actor: Actor | null; id: string }): StaffMember {
  assertCan(actor, "staff:manage");
  const member = getDb()
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, active: users.active, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, id))
    .get();
  if (!member) throw new NotFoundError("Staff member");
  return member;
}

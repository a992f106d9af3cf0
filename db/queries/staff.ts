import "server-only";
import { and, asc, count, eq, ne } from "drizzle-orm";
import { getDb, type Executor } from "@/db";
import { accounts, sessions, users } from "@/db/schema";
import { assertCan, type Actor, type Role } from "@/lib/authz";
import { NotFoundError, RuleError } from "@/lib/errors";
import { hashPassword } from "@/lib/password";
import { writeStaffUser } from "../credentials";

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

export async function addStaff({ actor, input }: { actor: Actor | null; input: { name: string; email: string; role: Role; password: string } }) {
  assertCan(actor, "staff:manage");
  const hash = await hashPassword(input.password);
  const db = getDb();
  return db.transaction((tx) => writeStaffUser(tx, { ...input, hash }), { behavior: "immediate" });
}

function otherActiveAdmins(db: Executor, userId: string) {
  return db.select({ n: count() }).from(users).where(and(eq(users.role, "admin"), eq(users.active, true), ne(users.id, userId))).get()?.n ?? 0;
}

function existing(db: Executor, id: string) {
  const user = db.select({ id: users.id, role: users.role, active: users.active }).from(users).where(eq(users.id, id)).get();
  if (!user) throw new NotFoundError("Staff member");
  return user;
}

export function setStaffRole({ actor, id, role }: { actor: Actor | null; id: string; role: Role }) {
  assertCan(actor, "staff:manage");
  getDb().transaction(
    (tx) => {
      const user = existing(tx, id);
      if (user.role === "admin" && role !== "admin" && user.active && otherActiveAdmins(tx, id) === 0)
        throw new RuleError("The clinic needs at least one active admin. Make someone else an admin first.", "role");
      tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, id)).run();
    },
    { behavior: "immediate" },
  );
}

/** Deactivating ends every session of that account at once; nothing of theirs is deleted. */
export function setStaffActive({ actor, id, active }: { actor: Actor | null; id: string; active: boolean }) {
  assertCan(actor, "staff:manage");
  getDb().transaction(
    (tx) => {
      const user = existing(tx, id);
      if (!active && user.role === "admin" && otherActiveAdmins(tx, id) === 0)
        throw new RuleError("The clinic needs at least one active admin, so the last one cannot be deactivated.");
      tx.update(users).set({ active, updatedAt: new Date() }).where(eq(users.id, id)).run();
      if (!active) tx.delete(sessions).where(eq(sessions.userId, id)).run();
    },
    { behavior: "immediate" },
  );
}

/** Sets a new password and signs the person out everywhere. */
export async function resetStaffPassword({ actor, id, password }: { actor: Actor | null; id: string; password: string }) {
  assertCan(actor, "staff:manage");
  const hash = await hashPassword(password);
  getDb().transaction(
    (tx) => {
      existing(tx, id);
      tx.update(accounts).set({ password: hash, updatedAt: new Date() }).where(and(eq(accounts.userId, id), eq(accounts.providerId, "credential"))).run();
      tx.delete(sessions).where(eq(sessions.userId, id)).run();
    },
    { behavior: "immediate" },
  );
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

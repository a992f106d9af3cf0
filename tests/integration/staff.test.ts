import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { accounts, sessions } from "@/db/schema";
import { addStaff, getStaffMember, listStaff, resetStaffPassword, setStaffActive, setStaffRole } from "@/db/queries/staff";
import { ForbiddenError, type Actor } from "@/lib/authz";
import { NotFoundError, RuleError } from "@/lib/errors";
import { passwordSchema, verifyPassword } from "@/lib/password";
import { addStaffSchema, resetPasswordSchema, roleSchema } from "@/lib/schemas/staff";
import { admin, inactive, staff, uniqueName } from "./helpers";

const PASSWORD = "quiet harbour lanterns";

function emailFor(name: string) {
  return `${name.replace(/[^a-z0-9]+/gi, ".").toLowerCase()}@clinic.example`;
}

async function addMember(role: "admin" | "therapist", actor: Actor = admin) {
  const name = uniqueName(role === "admin" ? "Admin" : "Therapist");
  const { id } = await addStaff({ actor, input: addStaffSchema.parse({ name, email: emailFor(name), role, password: PASSWORD }) });
  return { id, name };
}

function openSession(userId: string) {
  const now = new Date();
  const id = crypto.randomUUID();
  getDb()
    .insert(sessions)
    .values({
      id,
      token: crypto.randomBytes(32).toString("base64url"),
      userId,
      createdAt: now,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + 3_600_000),
    })
    .run();
  return id;
}

const sessionsOf = (userId: string) => getDb().select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId)).all();
const storedHash = (userId: string) =>
  getDb()
    .select({ password: accounts.password })
    .from(accounts)
    .where(and(eq(accounts.userId, userId), eq(accounts.providerId, "credential")))
    .get()?.password;

describe("staff accounts", () => {
  // Runs first: it relies on no other active admin existing, and the tests below add only therapists.
  it("keeps at least one active admin: the last one cannot be demoted or deactivated", async () => {
    expect(listStaff({ actor: admin }).filter((m) => m.role === "admin" && m.active)).toHaveLength(0);
    const first = await addMember("admin");
    const second = await addMember("admin");

    setStaffActive({ actor: admin, id: first.id, active: false });
    expect(getStaffMember({ actor: admin, id: first.id }).active).toBe(false);

    expect(() => setStaffActive({ actor: admin, id: second.id, active: false })).toThrow(RuleError);
    expect(() => setStaffRole({ actor: admin, id: second.id, role: "therapist" })).toThrow(RuleError);
    expect(getStaffMember({ actor: admin, id: second.id })).toMatchObject({ role: "admin", active: true });

    // A deactivated admin does not count, so demoting them is fine and the rule still guards the other.
    setStaffRole({ actor: admin, id: first.id, role: "therapist" });
    expect(() => setStaffRole({ actor: admin, id: second.id, role: "therapist" })).toThrow(RuleError);

    // With a second active admin again, the first may step down.
    setStaffRole({ actor: admin, id: first.id, role: "admin" });
    setStaffActive({ actor: admin, id: first.id, active: true });
    setStaffRole({ actor: admin, id: second.id, role: "therapist" });
    expect(getStaffMember({ actor: admin, id: second.id }).role).toBe("therapist");
    expect(() => setStaffActive({ actor: admin, id: first.id, active: false })).toThrow(RuleError);
  });

  it("adds a staff member who can sign in with the temporary password, with the email lower-cased", async () => {
    const name = uniqueName("Priya Raman");
    const { id } = await addStaff({
      actor: admin,
      input: addStaffSchema.parse({ name, email: "  Priya.Raman@Clinic.Example ", role: "therapist", password: PASSWORD }),
    });
    expect(getStaffMember({ actor: admin, id })).toMatchObject({ name, email: "priya.raman@clinic.example", role: "therapist", active: true });
    expect(listStaff({ actor: admin }).map((m) => m.id)).toContain(id);
    expect(Object.keys(listStaff({ actor: admin })[0]).sort()).toEqual(["active", "createdAt", "email", "id", "name", "role"]);
    const hash = storedHash(id);
    expect(hash).not.toBe(PASSWORD);
    expect(await verifyPassword({ hash: hash!, password: PASSWORD })).toBe(true);
  });

  it("refuses a second account with the same email, whatever its case", async () => {
    const { name } = await addMember("therapist");
    const again = addStaffSchema.parse({ name: "Someone else", email: emailFor(name).toUpperCase(), role: "therapist", password: PASSWORD });
    await expect(addStaff({ actor: admin, input: again })).rejects.toThrow(RuleError);
    await expect(addStaff({ actor: admin, input: again })).rejects.toMatchObject({ field: "email" });
    expect(listStaff({ actor: admin }).filter((m) => m.email === emailFor(name))).toHaveLength(1);
  });

  it("lets only active admins manage staff", async () => {
    const { id } = await addMember("therapist");
    const input = addStaffSchema.parse({ name: "Not allowed", email: "not.allowed@clinic.example", role: "admin", password: PASSWORD });
    for (const actor of [staff, inactive, { ...admin, active: false }]) {
      expect(() => listStaff({ actor })).toThrow(ForbiddenError);
      expect(() => getStaffMember({ actor, id })).toThrow(ForbiddenError);
      await expect(addStaff({ actor, input })).rejects.toThrow(ForbiddenError);
      expect(() => setStaffRole({ actor, id, role: "admin" })).toThrow(ForbiddenError);
      expect(() => setStaffActive({ actor, id, active: false })).toThrow(ForbiddenError);
      await expect(resetStaffPassword({ actor, id, password: PASSWORD })).rejects.toThrow(ForbiddenError);
    }
    expect(listStaff({ actor: admin }).some((m) => m.email === "not.allowed@clinic.example")).toBe(false);
    expect(getStaffMember({ actor: admin, id })).toMatchObject({ role: "therapist", active: true });
  });

  it("ends every session of a deactivated person at once, and only theirs", async () => {
    const leaving = await addMember("therapist");
    const staying = await addMember("therapist");
    openSession(leaving.id);
    openSession(leaving.id);
    const kept = openSession(staying.id);

    setStaffActive({ actor: admin, id: leaving.id, active: false });
    expect(sessionsOf(leaving.id)).toEqual([]);
    expect(sessionsOf(staying.id)).toEqual([{ id: kept }]);
    expect(getStaffMember({ actor: admin, id: leaving.id }).active).toBe(false);

    setStaffActive({ actor: admin, id: leaving.id, active: true });
    expect(getStaffMember({ actor: admin, id: leaving.id }).active).toBe(true);
  });

  it("sets a new password and signs the person out everywhere", async () => {
    const { id } = await addMember("therapist");
    openSession(id);
    const before = storedHash(id);
    const next = resetPasswordSchema.parse({ password: "a brand new sentence" }).password;

    await resetStaffPassword({ actor: admin, id, password: next });
    const after = storedHash(id)!;
    expect(after).not.toBe(before);
    expect(await verifyPassword({ hash: after, password: next })).toBe(true);
    expect(await verifyPassword({ hash: after, password: PASSWORD })).toBe(false);
    expect(sessionsOf(id)).toEqual([]);
  });

  it("answers unknown staff ids with NotFound", async () => {
    expect(() => getStaffMember({ actor: admin, id: "no-such-person" })).toThrow(NotFoundError);
    expect(() => setStaffRole({ actor: admin, id: "no-such-person", role: "admin" })).toThrow(NotFoundError);
    expect(() => setStaffActive({ actor: admin, id: "no-such-person", active: false })).toThrow(NotFoundError);
    await expect(resetStaffPassword({ actor: admin, id: "no-such-person", password: PASSWORD })).rejects.toThrow(NotFoundError);
  });
});

describe("staff form schemas", () => {
  it("applies the password policy: 8 to 128 characters, common passwords refused", () => {
    expect(passwordSchema.safeParse("password1").success).toBe(false);
    expect(passwordSchema.safeParse("PassWord1").success).toBe(false);
    expect(passwordSchema.safeParse("abcdefg").success).toBe(false);
    expect(passwordSchema.safeParse("x".repeat(129)).success).toBe(false);
    expect(passwordSchema.safeParse("        ").success).toBe(false);
    expect(passwordSchema.safeParse("x".repeat(128)).data).toHaveLength(128);
    expect(passwordSchema.safeParse("kx8#vq2!").success).toBe(true);
  });

  it("names the field at fault and refuses roles other than admin and therapist", () => {
    const result = addStaffSchema.safeParse({ name: " ", email: "not an email", role: "owner", password: "short" });
    expect(result.success).toBe(false);
    expect([...new Set(result.error!.issues.map((i) => i.path[0]))].sort()).toEqual(["email", "name", "password", "role"]);
    expect(addStaffSchema.safeParse({ name: "x".repeat(121), email: "a@b.example", role: "admin", password: PASSWORD }).success).toBe(false);
    expect(addStaffSchema.safeParse({ name: "A", email: `${"a".repeat(195)}@b.example`, role: "admin", password: PASSWORD }).success).toBe(false);
    expect(roleSchema.safeParse("therapist").success).toBe(true);
    expect(roleSchema.safeParse("owner").success).toBe(false);
  });
});

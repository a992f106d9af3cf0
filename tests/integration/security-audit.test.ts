import { asc, gt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { writeStaffUser } from "@/db/credentials";
import { addStaff, resetStaffPassword, setStaffActive, setStaffRole } from "@/db/queries/staff";
import { auditEvents } from "@/db/schema";
import { ForbiddenError } from "@/lib/authz";
import { RuleError } from "@/lib/errors";
import { admin, inactive, staff, uniqueName } from "./helpers";

const PASSWORD = "quiet harbour lanterns";

function lastAuditId() {
  return getDb().select({ id: auditEvents.id }).from(auditEvents).orderBy(asc(auditEvents.id)).all().at(-1)?.id ?? 0;
}
const since = (id: number) =>
  getDb()
    .select({ action: auditEvents.action, outcome: auditEvents.outcome, actorId: auditEvents.actorId, detail: auditEvents.detail })
    .from(auditEvents)
    .where(gt(auditEvents.id, id))
    .orderBy(asc(auditEvents.id))
    .all();

function member(role: "admin" | "therapist") {
  const name = uniqueName(role);
  const email = `${name.replace(/\W+/g, ".").toLowerCase()}@clinic.example`;
  return { ...writeStaffUser(getDb(), { name, email, role, hash: "x" }), name, email };
}

describe("every staff-account change writes one audit row", () => {
  it("records each change with who it was about", async () => {
    member("admin"); // so the target may be deactivated after becoming an admin
    const target = member("therapist");
    const before = lastAuditId();
    const name = uniqueName("Added");
    const email = `${name.replace(/\W+/g, ".").toLowerCase()}@clinic.example`;
    await addStaff({ actor: admin, input: { name, email, role: "therapist", password: PASSWORD } });
    setStaffRole({ actor: admin, id: target.id, role: "admin" });
    await resetStaffPassword({ actor: admin, id: target.id, password: PASSWORD });
    setStaffActive({ actor: admin, id: target.id, active: false });
    setStaffActive({ actor: admin, id: target.id, active: true });
    const about = `${target.name} <${target.email}>`;
    expect(since(before)).toEqual([
      { action: "staff.add", outcome: "ok", actorId: admin.userId, detail: `${name} <${email}> as therapist` },
      { action: "staff.role", outcome: "ok", actorId: admin.userId, detail: `${about}: therapist to admin` },
      { action: "staff.password", outcome: "ok", actorId: admin.userId, detail: about },
      { action: "staff.deactivate", outcome: "ok", actorId: admin.userId, detail: about },
      { action: "staff.reactivate", outcome: "ok", actorId: admin.userId, detail: about },
    ]);
  });

  it("records a therapist's or a deactivated account's attempt as denied, and changes nothing", async () => {
    const target = member("therapist");
    const before = lastAuditId();
    expect(() => setStaffRole({ actor: staff, id: target.id, role: "admin" })).toThrow(ForbiddenError);
    await expect(resetStaffPassword({ actor: staff, id: target.id, password: PASSWORD })).rejects.toThrow(ForbiddenError);
    await expect(
      addStaff({ actor: inactive, input: { name: "Sneaky", email: "sneaky@clinic.example", role: "admin", password: PASSWORD } }),
    ).rejects.toThrow(ForbiddenError);
    expect(() => setStaffActive({ actor: staff, id: target.id, active: false })).toThrow(ForbiddenError);
    expect(since(before).map((r) => [r.action, r.outcome, r.actorId])).toEqual([
      ["staff.role", "denied", staff.userId],
      ["staff.password", "denied", staff.userId],
      ["staff.add", "denied", inactive.userId],
      ["staff.deactivate", "denied", staff.userId],
    ]);
  });

  it("records a refused change with the reason", async () => {
    const existing = member("therapist");
    const before = lastAuditId();
    await expect(addStaff({ actor: admin, input: { name: "Twin", email: existing.email, role: "therapist", password: PASSWORD } })).rejects.toThrow(
      RuleError,
    );
    expect(() => setStaffRole({ actor: admin, id: "no-such-user", role: "admin" })).toThrow(/not found/);
    expect(since(before)).toEqual([
      expect.objectContaining({ action: "staff.add", outcome: "refused", detail: "Someone on the staff already uses that email." }),
      expect.objectContaining({ action: "staff.role", outcome: "refused", detail: "Staff member was not found." }),
    ]);
  });
});

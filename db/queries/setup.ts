import "server-only";
import { count } from "drizzle-orm";
import { getDb } from "@/db";
import { clinicSettings, users } from "@/db/schema";
import { RuleError } from "@/lib/errors";
import { hashPassword } from "@/lib/password";
import { recordAuditEvent } from "./audit";
import { writeStaffUser } from "./staff";

/**
 * First run: names the clinic and makes its first admin, in one transaction,
 * and only while the install has no staff at all (checked again inside the
 * transaction, so two people racing through setup cannot both win).
 */
export async function completeFirstRunSetup(
  input: {
    clinicName: string;
    clinicPhone: string;
    timeZone: string;
    name: string;
    email: string;
    password: string;
  },
  address: string | null = null,
) {
  const hash = await hashPassword(input.password);
  const db = getDb();
  db.transaction(
    (tx) => {
      const staff = tx.select({ n: count() }).from(users).get()?.n ?? 0;
      if (staff > 0) throw new RuleError("Stride is already set up here. Sign in instead.");
      const clinic = { name: input.clinicName, phone: input.clinicPhone, timeZone: input.timeZone };
      tx.insert(clinicSettings)
        .values({ id: 1, ...clinic })
        .onConflictDoUpdate({ target: clinicSettings.id, set: { ...clinic, updatedAt: new Date() } })
        .run();
      const admin = writeStaffUser(tx, { name: input.name, email: input.email, role: "admin", hash });
      recordAuditEvent({
        db: tx,
        actor: { userId: admin.id, name: input.name },
        action: "setup.complete",
        outcome: "ok",
        detail: `clinic "${input.clinicName}", first admin <${input.email.toLowerCase()}>`,
        address,
      });
    },
    { behavior: "immediate" },
  );
}

import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { clinicSettings } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/authz";
import { RuleError } from "@/lib/errors";
import { checkLogo, logoTypes } from "@/lib/logo";
import type { ClinicProfileInput } from "@/lib/schemas/clinic";
import { audited } from "./audit";

export type ClinicProfile = {
  name: string;
  phone: string;
  email: string;
  address: string;
  website: string;
  timeZone: string;
  handoutFooter: string;
  hasLogo: boolean;
};

/** Everything the admin form edits, plus what the page needs to show the current logo. */
export type ClinicSettingsForm = ClinicProfile & {
  idleTimeoutMinutes: number;
  absoluteTimeoutHours: number;
  quietDaysFlag: number;
  /** Changes whenever the logo or profile is saved, so the page's <img> is not served from a stale cache. */
  logoVersion: string;
};

const fallback: ClinicProfile = {
  name: "Your clinic",
  phone: "",
  email: "",
  address: "",
  website: "",
  timeZone: "UTC",
  handoutFooter: "",
  hasLogo: false,
};

const SETTINGS_ID = 1;

// The logo bytes are never selected here: pages only need to know whether one exists.
const profileColumns = {
  name: clinicSettings.name,
  phone: clinicSettings.phone,
  email: clinicSettings.email,
  address: clinicSettings.address,
  website: clinicSettings.website,
  timeZone: clinicSettings.timeZone,
  handoutFooter: clinicSettings.handoutFooter,
  hasLogo: sql<number>`${clinicSettings.logo} is not null`,
};

export function getClinicProfile({ actor }: { actor: Actor }): ClinicProfile {
  assertCan(actor, "clinic:read");
  const row = getDb().select(profileColumns).from(clinicSettings).where(eq(clinicSettings.id, SETTINGS_ID)).get();
  return row ? { ...row, hasLogo: row.hasLogo === 1 } : fallback;
}

export function getClinicSettings({ actor }: { actor: Actor }): ClinicSettingsForm {
  assertCan(actor, "clinic:write");
  const row = getDb()
    .select({
      ...profileColumns,
      idleTimeoutMinutes: clinicSettings.idleTimeoutMinutes,
      absoluteTimeoutHours: clinicSettings.absoluteTimeoutHours,
      quietDaysFlag: clinicSettings.quietDaysFlag,
      logoSize: sql<number>`coalesce(length(${clinicSettings.logo}), 0)`,
      updatedAt: clinicSettings.updatedAt,
    })
    .from(clinicSettings)
    .where(eq(clinicSettings.id, SETTINGS_ID))
    .get();
  if (!row) return { ...fallback, idleTimeoutMinutes: 15, absoluteTimeoutHours: 12, quietDaysFlag: 3, logoVersion: "0" };
  const { logoSize, updatedAt, ...rest } = row;
  return { ...rest, hasLogo: row.hasLogo === 1, logoVersion: `${updatedAt.getTime()}-${logoSize}` };
}

export function updateClinicProfile({ actor, input }: { actor: Actor; input: ClinicProfileInput }): void {
  audited({ actor, permission: "clinic:write", action: "clinic.update" }, (db, ctx) => {
    const values = { ...input, updatedAt: new Date() };
    db.insert(clinicSettings)
      .values({ id: SETTINGS_ID, ...values })
      .onConflictDoUpdate({ target: clinicSettings.id, set: values })
      .run();
    ctx.detail = `sign-out after ${input.idleTimeoutMinutes} min idle, ${input.absoluteTimeoutHours} h at most`;
  });
}

/** Stores a logo. The bytes are checked again here, so no caller can store an unchecked file. */
export function setClinicLogo({ actor, bytes, type }: { actor: Actor; bytes: Buffer; type: string }): void {
  audited({ actor, permission: "clinic:write", action: "clinic.logo.set" }, (db, ctx) => {
    const check = checkLogo(bytes);
    if (!check.ok) throw new RuleError(check.message, "logo");
    if (type !== check.type) throw new RuleError("The picture's type does not match its contents. Please choose the file again.", "logo");
    const result = db
      .update(clinicSettings)
      .set({ logo: Buffer.from(bytes), logoType: check.type, updatedAt: new Date() })
      .where(eq(clinicSettings.id, SETTINGS_ID))
      .run();
    if (result.changes === 0) throw new RuleError("Save the clinic profile first, then add the logo.", "logo");
    ctx.detail = `${check.type}, ${bytes.length} bytes`;
  });
}

export function removeClinicLogo({ actor }: { actor: Actor }): void {
  audited({ actor, permission: "clinic:write", action: "clinic.logo.remove" }, (db) => {
    db.update(clinicSettings).set({ logo: null, logoType: null, updatedAt: new Date() }).where(eq(clinicSettings.id, SETTINGS_ID)).run();
  });
}

/** Public on purpose: the logo is printed on handouts and is not patient data. */
export function getClinicLogo(): { bytes: Buffer; type: string } | null {
  const row = getDb()
    .select({ logo: clinicSettings.logo, logoType: clinicSettings.logoType })
    .from(clinicSettings)
    .where(eq(clinicSettings.id, SETTINGS_ID))
    .get();
  // A type this app never stores (say, from a hand-edited database) is not served at all.
  if (!row?.logo || row.logo.length === 0 || !logoTypes.some((t) => t === row.logoType)) return null;
  return { bytes: row.logo, type: row.logoType as string };
}

/**
 * The clinic's name, phone and zone for pages a patient opens without an
 * account (share links). Not patient data, so no actor is needed.
 */
export type PublicClinicContact = { name: string; phone: string; timeZone: string };

export function getPublicClinicContact(): PublicClinicContact {
  const row = getDb()
    .select({ name: clinicSettings.name, phone: clinicSettings.phone, timeZone: clinicSettings.timeZone })
    .from(clinicSettings)
    .where(eq(clinicSettings.id, 1))
    .get();
  return row ?? { name: "Your clinic", phone: "", timeZone: "UTC" };
}

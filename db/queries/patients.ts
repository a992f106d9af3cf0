import "server-only";
import { and, asc, count, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { patients } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { audited } from "./audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { PrecautionKind } from "@/lib/precautions";
import type { PatientInput } from "@/lib/schemas/patient";

export const PATIENT_PAGE_SIZE = 25;

const patientColumns = {
  id: patients.id,
  name: patients.name,
  dateOfBirth: patients.dateOfBirth,
  phone: patients.phone,
  email: patients.email,
  condition: patients.condition,
  notes: patients.notes,
  precautions: patients.precautions,
  spineSurgeryDate: patients.spineSurgeryDate,
  precautionNote: patients.precautionNote,
  archivedAt: patients.archivedAt,
  version: patients.version,
  updatedAt: patients.updatedAt,
};
export type PatientRecord = {
  id: number;
  name: string;
  dateOfBirth: string | null;
  phone: string;
  email: string;
  condition: string;
  notes: string;
  precautions: PrecautionKind[];
  spineSurgeryDate: string | null;
  precautionNote: string;
  archivedAt: Date | null;
  version: number;
  updatedAt: Date;
};

/** Escapes LIKE wildcards so "50%" searches for the text, not a pattern. */
function likeContains(text: string) {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function listPatients({
  actor,
  q = "",
  page = 1,
  archived = false,
  pageSize = PATIENT_PAGE_SIZE,
}: {
  actor: Actor | null;
  q?: string;
  page?: number;
  archived?: boolean;
  pageSize?: number;
}) {
  return audited({ actor, permission: "patients:read", action: archived ? "patient.list-archived" : "patient.list" }, (db, ctx) => {
  ctx.detail = q ? "searched by name" : "";
  const filtered = and(
    archived ? isNotNull(patients.archivedAt) : isNull(patients.archivedAt),
    q ? sql`${patients.nameKey} LIKE ${likeContains(q)} ESCAPE '\\'` : undefined,
  );
  const [{ total }] = db.select({ total: count() }).from(patients).where(filtered).all();
  const rows = db
    .select({ id: patients.id, name: patients.name, dateOfBirth: patients.dateOfBirth, condition: patients.condition, phone: patients.phone })
    .from(patients)
    .where(filtered)
    .orderBy(asc(patients.nameKey), asc(patients.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return { rows, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
  });
}

export function getPatient({ actor, id }: { actor: Actor | null; id: number }): PatientRecord {
  return audited({ actor, permission: "patients:read", action: "patient.view", patientId: id }, (db) => {
    const row = db.select(patientColumns).from(patients).where(eq(patients.id, id)).get();
    if (!row) throw new NotFoundError("Patient");
    return row;
  });
}

export function createPatient({ actor, input }: { actor: Actor | null; input: PatientInput }): { id: number } {
  return audited({ actor, permission: "patients:write", action: "patient.create" }, (db, ctx) => {
    const row = db.insert(patients).values(toColumns(input)).returning({ id: patients.id }).get();
    ctx.patientId = row.id;
    return row;
  });
}

export function updatePatient({
  actor,
  id,
  version,
  input,
}: {
  actor: Actor | null;
  id: number;
  version: number;
  input: PatientInput;
}) {
  return audited({ actor, permission: "patients:write", action: "patient.update", patientId: id }, (db) => {
  const result = db
    .update(patients)
    .set({ ...toColumns(input), version: sql`${patients.version} + 1`, updatedAt: new Date() })
    .where(and(eq(patients.id, id), eq(patients.version, version)))
    .run();
  if (result.changes === 0) {
    const exists = db.select({ id: patients.id }).from(patients).where(eq(patients.id, id)).get();
    throw exists ? new ConflictError() : new NotFoundError("Patient");
  }
  });
}

/** Archiving hides a patient from the list; nothing is deleted. */
export function setPatientArchived({ actor, id, archived }: { actor: Actor | null; id: number; archived: boolean }) {
  return audited({ actor, permission: "patients:write", action: archived ? "patient.archive" : "patient.restore", patientId: id }, (db) => {
  const result = db
    .update(patients)
    .set({ archivedAt: archived ? new Date() : null, version: sql`${patients.version} + 1`, updatedAt: new Date() })
    .where(eq(patients.id, id))
    .run();
  if (result.changes === 0) throw new NotFoundError("Patient");
  });
}

function toColumns(input: PatientInput) {
  return {
    name: input.name,
    nameKey: input.name.toLowerCase(),
    dateOfBirth: input.dateOfBirth || null,
    phone: input.phone,
    email: input.email,
    condition: input.condition,
    notes: input.notes,
    precautions: input.precautions,
    spineSurgeryDate: input.spineSurgeryDate || null,
    precautionNote: input.precautionNote,
  };
}


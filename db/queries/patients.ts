import "server-only";
import { and, asc, count, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { patients, shareLinks } from "@/db/schema";
import type { Actor } from "@/lib/authz";
import { audited } from "./audit";
import { progressForPatients, type PatientProgress } from "./patient-progress";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { PrecautionKind } from "@/lib/precautions";
import type { PatientCursor, PatientInput } from "@/lib/schemas/patient";

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

/** Counts stop here: past it the list says "more than 10,000" instead of counting every row on each page view. */
export const COUNT_CAP = 10_000;

/**
 * Name contains the text, case-insensitively. Three characters or more go
 * through the trigram index (migration 0004); shorter ones are too short for
 * it and scan the names (a few ms even at 100,000 patients).
 */
function nameContains(q: string) {
  const key = q.toLowerCase();
  if ([...key].length >= 3)
    return sql`${patients.id} in (select rowid from patients_name_fts where patients_name_fts match ${`"${key.replace(/"/g, '""')}"`})`;
  return sql`${patients.nameKey} LIKE ${likeContains(q)} ESCAPE '\\'`;
}

export type PatientListPage = {
  rows: {
    id: number;
    name: string;
    dateOfBirth: string | null;
    condition: string;
    phone: string;
    /** How they are doing on their active plan; null without one. */
    progress: PatientProgress | null;
  }[];
  /** Matching patients, counted up to COUNT_CAP. */
  total: number;
  /** True when there are more than COUNT_CAP: `total` is then a lower bound. */
  more: boolean;
  /** Where the next page starts (after this page's last row); null on the last page. */
  next: PatientCursor | null;
  /** Where the previous page ends (before this page's first row); null on the first page. */
  previous: PatientCursor | null;
};

/**
 * One page of patients in name order, ties broken by id. Paging is keyset:
 * a page starts after (or ends before) a given row's (name key, id), which
 * the (archived_at, name_key) index (with its implicit id) seeks to
 * directly, so page 500 costs what page 1 does.
 */
export function listPatients({
  actor,
  q = "",
  after,
  before,
  archived = false,
  pageSize = PATIENT_PAGE_SIZE,
  withProgress = false,
}: {
  actor: Actor | null;
  q?: string;
  after?: PatientCursor;
  /** Ignored when `after` is given. */
  before?: PatientCursor;
  archived?: boolean;
  pageSize?: number;
  /** Also read how each listed patient is doing on their active plan (the patient list shows it; a picker does not). */
  withProgress?: boolean;
}): PatientListPage {
  return audited({ actor, permission: "patients:read", action: archived ? "patient.list-archived" : "patient.list" }, (db, ctx) => {
    ctx.detail = q ? "searched by name" : "";
    const filtered = and(archived ? isNotNull(patients.archivedAt) : isNull(patients.archivedAt), q ? nameContains(q) : undefined);
    const counted = db
      .select({ one: sql`1`.as("one") })
      .from(patients)
      .where(filtered)
      .limit(COUNT_CAP + 1)
      .as("counted");
    const [{ n }] = db.select({ n: count() }).from(counted).all();
    const read = (seek: SQL | undefined, backward: boolean) =>
      db
        .select({
          id: patients.id,
          key: patients.nameKey,
          name: patients.name,
          dateOfBirth: patients.dateOfBirth,
          condition: patients.condition,
          phone: patients.phone,
        })
        .from(patients)
        .where(and(filtered, seek))
        .orderBy(...(backward ? [desc(patients.nameKey), desc(patients.id)] : [asc(patients.nameKey), asc(patients.id)]))
        // One row past the page says whether there is another page in the direction of travel.
        .limit(pageSize + 1)
        .all();
    let fetched = after ? read(sql`(${patients.nameKey}, ${patients.id}) > (${after.key}, ${after.id})`, false) : [];
    let backward = false;
    if (!after && before) {
      fetched = read(sql`(${patients.nameKey}, ${patients.id}) < (${before.key}, ${before.id})`, true);
      backward = fetched.length > pageSize;
    }
    // No cursor, or paging back reached the start: the first page, full.
    if (!after && !backward) fetched = read(undefined, false);
    const beyond = fetched.length > pageSize;
    const shown = fetched.slice(0, pageSize);
    if (backward) shown.reverse();
    const progress = withProgress
      ? progressForPatients(
          db,
          shown.map((r) => r.id),
        )
      : new Map<number, PatientProgress>();
    const first = shown[0];
    const last = shown.at(-1);
    // Coming from a neighbouring page means there is one that way (unless its rows were deleted meanwhile: it then shows empty).
    const hasNext = backward || beyond;
    const hasPrevious = backward || Boolean(after);
    return {
      rows: shown.map((r) => ({
        id: r.id,
        name: r.name,
        dateOfBirth: r.dateOfBirth,
        condition: r.condition,
        phone: r.phone,
        progress: progress.get(r.id) ?? null,
      })),
      total: Math.min(n, COUNT_CAP),
      more: n > COUNT_CAP,
      next: hasNext && last ? { key: last.key, id: last.id } : null,
      previous: hasPrevious && first ? { key: first.key, id: first.id } : null,
    };
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

export function updatePatient({ actor, id, version, input }: { actor: Actor | null; id: number; version: number; input: PatientInput }) {
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

/**
 * Archiving hides a patient from the list; nothing is deleted. It also turns
 * off every link the patient holds, for good: restoring them later does not
 * bring old links back (staff make a new one).
 */
export function setPatientArchived({ actor, id, archived }: { actor: Actor | null; id: number; archived: boolean }) {
  return audited({ actor, permission: "patients:write", action: archived ? "patient.archive" : "patient.restore", patientId: id }, (db, ctx) => {
    const now = new Date();
    const result = db
      .update(patients)
      .set({ archivedAt: archived ? now : null, version: sql`${patients.version} + 1`, updatedAt: now })
      .where(eq(patients.id, id))
      .run();
    if (result.changes === 0) throw new NotFoundError("Patient");
    if (archived) {
      const revoked = db
        .update(shareLinks)
        .set({ revokedAt: now })
        .where(and(eq(shareLinks.patientId, id), isNull(shareLinks.revokedAt)))
        .run();
      if (revoked.changes > 0) ctx.detail = `${revoked.changes} patient link${revoked.changes === 1 ? "" : "s"} turned off`;
    }
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

import { sql } from "drizzle-orm";
import type { Db, Executor } from "@/db";
import { auditEvents } from "@/db/schema";
import { auditRowHash, GENESIS_HASH, type AuditRowContent } from "@/lib/audit-hash";

/**
 * The hash chain over the audit log. Kept out of the server-only query layer
 * so the seed and `npm run audit:verify` use the same code as the app.
 *
 * Rows written before the chain existed (an older database) have no stored
 * hash. They are chained implicitly from the start: the first row that does
 * store a hash covers all of them, so editing one of them breaks that link.
 */

type StoredRow = AuditRowContent & { hash: string | null };

const COLUMNS =
  "id, at, actor_id AS actorId, actor_name AS actorName, action, patient_id AS patientId, plan_id AS planId, outcome, detail, address, hash";
const columns = sql.raw(COLUMNS);

/** The hash the next row chains to. Call it inside the IMMEDIATE transaction that inserts that row. */
function chainHead(db: Executor): { lastId: number; head: string } {
  const last = db.get<StoredRow | undefined>(sql`SELECT ${columns} FROM audit_events ORDER BY id DESC LIMIT 1`);
  if (!last) return { lastId: 0, head: GENESIS_HASH };
  if (last.hash) return { lastId: last.id, head: last.hash };
  // The tail has rows with no stored hash (an upgraded database): fold them in from the last stored hash.
  const anchor = db.get<{ id: number; hash: string } | undefined>(
    sql`SELECT id, hash FROM audit_events WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1`,
  );
  let head = anchor?.hash ?? GENESIS_HASH;
  for (const row of db.all<StoredRow>(sql`SELECT ${columns} FROM audit_events WHERE id > ${anchor?.id ?? 0} ORDER BY id`))
    head = auditRowHash(head, row);
  return { lastId: last.id, head };
}

export type NewAuditRow = Omit<AuditRowContent, "id" | "at" | "outcome"> & { at: Date; outcome: "ok" | "denied" | "refused" };

/**
 * Appends one row with its chain hash, in an IMMEDIATE transaction (or a
 * savepoint of the caller's), so no other writer can slip a row in between
 * reading the head and inserting.
 */
export function appendAuditRow(db: Executor, row: NewAuditRow): number {
  return db.transaction(
    (tx) => {
      const { lastId, head } = chainHead(tx);
      const seq = tx.get<{ seq: number } | undefined>(sql`SELECT seq FROM sqlite_sequence WHERE name = 'audit_events'`)?.seq ?? 0;
      const content = { ...row, id: Math.max(lastId, seq) + 1, at: Math.floor(row.at.getTime() / 1000) };
      const hash = auditRowHash(head, content);
      tx.insert(auditEvents)
        .values({ ...content, at: new Date(content.at * 1000), hash })
        .run();
      return content.id;
    },
    { behavior: "immediate" },
  );
}

export type ChainReport = { ok: true; rows: number; unhashed: number } | { ok: false; rows: number; brokenAt: number; reason: string };

/**
 * Walks the whole log in id order and recomputes every hash. Reports the
 * first row whose stored hash does not match (an edited, removed or inserted
 * row shows up there or at the first hashed row after it).
 */
export function verifyAuditChain(db: Db): ChainReport {
  let head = GENESIS_HASH;
  let rows = 0;
  let unhashed = 0;
  let chained = false;
  // Streamed row by row: the log may hold millions of rows.
  const stmt = db.$client.prepare(`SELECT ${COLUMNS} FROM audit_events ORDER BY id`);
  for (const row of stmt.iterate() as Iterable<StoredRow>) {
    rows += 1;
    head = auditRowHash(head, row);
    if (row.hash === null) {
      if (chained) return { ok: false, rows, brokenAt: row.id, reason: "this row has no hash, so it was written outside Stride" };
      unhashed += 1;
      continue;
    }
    chained = true;
    if (row.hash !== head)
      return {
        ok: false,
        rows,
        brokenAt: row.id,
        reason: "its stored hash does not match its content and the rows before it (this row or an earlier one was changed, removed or inserted)",
      };
  }
  return { ok: true, rows, unhashed };
}

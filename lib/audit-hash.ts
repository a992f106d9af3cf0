import crypto from "node:crypto";

/** What the first row of the log chains to. */
export const GENESIS_HASH = "0".repeat(64);

/** An audit row as stored (times in whole seconds, the way the column keeps them). */
export type AuditRowContent = {
  id: number;
  at: number;
  actorId: string | null;
  actorName: string;
  action: string;
  patientId: number | null;
  planId: number | null;
  outcome: string;
  detail: string;
  address: string | null;
};

/**
 * SHA-256 (hex) over the previous row's hash and every column of this row,
 * the id included, so editing, removing, reordering or renumbering a row
 * changes the hash of every row after it.
 */
export function auditRowHash(previous: string, row: AuditRowContent): string {
  const content = JSON.stringify([
    row.id,
    row.at,
    row.actorId,
    row.actorName,
    row.action,
    row.patientId,
    row.planId,
    row.outcome,
    row.detail,
    row.address,
  ]);
  return crypto.createHash("sha256").update(`${previous}\n${content}`, "utf8").digest("hex");
}

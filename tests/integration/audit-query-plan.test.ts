import { and, lt } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditFilter, auditPageQuery } from "@/db/queries/audit";
import { auditEvents } from "@/db/schema";
import { staff } from "./helpers";

/** SQLite's plan for a page of the log exactly as listAuditEvents asks for it (same SQL, same parameters). */
function pagePlan(filter: Parameters<typeof auditFilter>[0], older?: number): string {
  const seek = older === undefined ? undefined : lt(auditEvents.id, older);
  const { sql, params } = auditPageQuery(getDb(), and(auditFilter(filter), seek), true).toSQL();
  const rows = getDb()
    .$client.prepare(`EXPLAIN QUERY PLAN ${sql}`)
    .all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join("\n");
}

describe("the audit log's query plans", () => {
  it("read one staff member's entries newest first from the (actor_id, id) index, without a sort", () => {
    for (const older of [undefined, 1000]) {
      const plan = pagePlan({ actorId: staff.userId }, older);
      expect(plan).toMatch(/^SEARCH audit_events USING INDEX audit_events_actor_id_idx \(actor_id=\?/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });

  it("read one patient's entries newest first from the (patient_id, id) index, without a sort", () => {
    for (const older of [undefined, 1000]) {
      const plan = pagePlan({ patientId: 42 }, older);
      expect(plan).toMatch(/^SEARCH audit_events USING INDEX audit_events_patient_id_idx \(patient_id=\?/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });

  it("keep using the (…, at) index when a date range narrows the log, sorting only that range", () => {
    const day = { from: new Date("2026-03-02T00:00:00Z"), to: new Date("2026-03-03T00:00:00Z") };
    expect(pagePlan({ actorId: staff.userId, ...day })).toMatch(/USING INDEX audit_events_actor_idx \(actor_id=\? AND at>\? AND at<\?\)/);
    expect(pagePlan({ patientId: 42, ...day })).toMatch(/USING INDEX audit_events_patient_idx \(patient_id=\? AND at>\? AND at<\?\)/);
  });
});

import Link from "next/link";
import { loadOr404 } from "../../../_lib/ids";
import { listAuditEvents } from "@/db/queries/audit";
import { getClinicProfile } from "@/db/queries/clinic";
import { requireActor } from "@/db/queries/session";
import { listStaffNames } from "@/db/queries/staff";
import { auditActionLabel, auditOutcomeLabel, formatAuditTime } from "@/lib/audit-labels";
import { isTimeZone } from "@/lib/calendar-date";
import { auditDateBounds, auditFilterSchema, type AuditFilters } from "@/lib/schemas/audit";

export const metadata = { title: "Audit log" };

function pageLink(filters: AuditFilters, cursor: { older: number } | { newer: number }) {
  const params = new URLSearchParams();
  if (filters.patient) params.set("patient", String(filters.patient));
  if (filters.staff) params.set("staff", filters.staff);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  for (const [name, id] of Object.entries(cursor)) params.set(name, String(id));
  return `/admin/audit?${params}`;
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const filters = auditFilterSchema.parse(await searchParams);
  const { patient, staff, from, to, older, newer } = filters;
  const actor = await requireActor();
  const { timeZone, log, people } = loadOr404(() => {
    const zone = getClinicProfile({ actor }).timeZone;
    const timeZone = isTimeZone(zone) ? zone : "UTC";
    const bounds = auditDateBounds({ from, to }, timeZone);
    const log = listAuditEvents({ actor, patientId: patient, actorId: staff, from: bounds.from, to: bounds.to, older, newer });
    return { timeZone, log, people: listStaffNames({ actor }) };
  });
  const filtered = Boolean(patient || staff || from || to);

  return (
    <>
      <div className="page-head">
        <h1>Audit log</h1>
      </div>
      <p>
        Every time someone opens or changes a patient&rsquo;s information, Stride writes a line here: who, what, when, and whether it went through.
        This log is read-only: no one, including admins, can edit or delete its entries.
      </p>
      <form className="search" role="search" action="/admin/audit" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="patient">Patient number</label>
          <input id="patient" name="patient" type="text" inputMode="numeric" pattern="[0-9]*" defaultValue={patient ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="staff">Staff member</label>
          <select id="staff" name="staff" defaultValue={staff ?? ""}>
            <option value="">Anyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="from">From date</label>
          <input id="from" name="from" type="date" defaultValue={from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="to">To date (included)</label>
          <input id="to" name="to" type="date" defaultValue={to ?? ""} />
        </div>
        <button className="button" type="submit">
          Show entries
        </button>
        {filtered ? <Link href="/admin/audit">Clear filters</Link> : null}
      </form>
      <p className="muted">Dates and times are on the clinic&rsquo;s clock ({timeZone}).</p>
      <p className="muted" aria-live="polite">
        {log.total === 0
          ? from && to && from > to
            ? "No entries: the “From date” is after the “To date”."
            : filtered
              ? "No entries match these filters."
              : "No entries yet."
          : `${log.more ? `More than ${log.total.toLocaleString("en-US")} entries` : `${log.total} ${log.total === 1 ? "entry" : "entries"}`}${filtered ? " matching these filters" : ""}, newest first.`}
      </p>
      {log.rows.length > 0 ? (
        <table className="list">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Staff member</th>
              <th scope="col">What</th>
              <th scope="col">Patient</th>
              <th scope="col">Plan</th>
              <th scope="col">Outcome</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {log.rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <time dateTime={row.at.toISOString()}>{formatAuditTime(row.at, timeZone)}</time>
                </td>
                <td>
                  {row.actorName}
                  {row.address ? <span className="muted"> from {row.address}</span> : null}
                </td>
                <td>{auditActionLabel(row.action)}</td>
                <td>
                  {row.patientId ? (
                    <>
                      {/* A removed record (the demo patient) keeps its audit rows but has no page to link to. */}
                      {row.patientName === null ? "Removed patient" : <Link href={`/patients/${row.patientId}`}>{row.patientName}</Link>}{" "}
                      <span className="muted">(no. {row.patientId})</span>
                    </>
                  ) : null}
                </td>
                <td>{row.planId ? <Link href={`/plans/${row.planId}`}>Plan {row.planId}</Link> : null}</td>
                <td>{auditOutcomeLabel(row.outcome)}</td>
                <td>{row.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {log.newer || log.older ? (
        <nav className="pager" aria-label="Pages">
          {log.newer ? <Link href={pageLink(filters, { newer: log.newer })}>Newer entries</Link> : null}
          {log.older ? <Link href={pageLink(filters, { older: log.older })}>Older entries</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

import Link from "next/link";
import { listTemplates } from "@/db/queries/templates";
import { requireActor } from "@/db/queries/session";
import { formatDateLong, isCalendarDate } from "@/lib/calendar-date";

export const metadata = { title: "Plan templates" };

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<{ retired?: string }> }) {
  const showRetired = (await searchParams).retired === "1";
  const actor = await requireActor();
  const templates = listTemplates({ actor, includeRetired: showRetired });
  return (
    <div>
      <div className="page-head">
        <h1>Plan templates</h1>
        <Link className="button" href={showRetired ? "/templates" : "/templates?retired=1"}>
          {showRetired ? "Hide retired templates" : "Show retired templates"}
        </Link>
      </div>
      <p className="muted">
        Start a plan from a template on the patient&apos;s New plan page, then tailor it. To make a template, open a plan and choose &ldquo;Save as
        template&rdquo;.
      </p>
      <table className="list">
        <caption className="visually-hidden">Plan templates</caption>
        <thead>
          <tr>
            <th scope="col">Template</th>
            <th scope="col">Who can use it</th>
            <th scope="col">Items</th>
            <th scope="col">Weeks</th>
            <th scope="col">Guideline</th>
            <th scope="col">Last reviewed</th>
          </tr>
        </thead>
        <tbody>
          {templates.map((t) => (
            <tr key={t.id}>
              <td>
                <Link href={`/templates/${t.id}`}>{t.title}</Link>
                {t.retiredAt ? <span className="badge archived"> Retired</span> : null}
              </td>
              <td>{t.scope === "clinic" ? "Whole clinic" : "Just me"}</td>
              <td>{t.itemCount}</td>
              <td>{t.weeks}</td>
              <td>{t.guideline || "—"}</td>
              <td>{isCalendarDate(t.lastReviewed) ? formatDateLong(t.lastReviewed) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {templates.length === 0 ? <p>No templates yet.</p> : null}
    </div>
  );
}

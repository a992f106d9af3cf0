import Link from "next/link";
import { ArchiveButton } from "@/components/archive-button";
import { TemplateDetailsForm } from "@/components/template-details-form";
import { requireActor } from "@/db/queries/session";
import { getTemplate } from "@/db/queries/templates";
import { formatDateLong, isCalendarDate } from "@/lib/calendar-date";
import { describeItemDose } from "@/lib/item-wording";
import { idFromParam, loadOr404 } from "../../../_lib/ids";
import { duplicateTemplateAction, setTemplateRetiredAction, updateTemplateAction } from "../actions";

export const metadata = { title: "Plan template" };

export default async function TemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const id = idFromParam((await params).id);
  const actor = await requireActor();
  const t = loadOr404(() => getTemplate({ actor, id }));
  return (
    <div className="narrow">
      <p className="muted" style={{ margin: 0 }}>
        <Link href="/templates">Plan templates</Link>
      </p>
      <h1>
        {t.title} {t.retiredAt ? <span className="badge archived">Retired</span> : null}
      </h1>
      {t.retiredAt ? (
        <p role="status">This template is retired: it is not offered for new plans. Plans already made from it are not changed.</p>
      ) : null}
      <p>{t.template.description}</p>
      <dl className="facts">
        <dt>Guideline</dt>
        <dd>{t.guideline || "Not given"}</dd>
        <dt>Last reviewed</dt>
        <dd>{isCalendarDate(t.lastReviewed) ? formatDateLong(t.lastReviewed) : "Not yet reviewed"}</dd>
        <dt>Length</dt>
        <dd>
          {t.template.weeks} {t.template.weeks === 1 ? "week" : "weeks"}
        </dd>
        <dt>Who can use it</dt>
        <dd>{t.scope === "clinic" ? "The whole clinic" : "Just me"}</dd>
      </dl>
      <h2>Items</h2>
      <ol>
        {t.template.items.map((item, i) => (
          <li key={i}>
            <strong>{item.entry.name}</strong>: {describeItemDose(item.kind, item.dose)}
          </li>
        ))}
      </ol>
      <div className="actions">
        <ArchiveButton action={duplicateTemplateAction.bind(null, id)} label="Duplicate" confirm={null} />
        {t.mayChange ? (
          <ArchiveButton
            action={setTemplateRetiredAction.bind(null, id, !t.retiredAt)}
            label={t.retiredAt ? "Bring back" : "Retire"}
            confirm={t.retiredAt ? null : "Retire this template? It will no longer be offered for new plans."}
          />
        ) : null}
      </div>
      {t.mayChange ? (
        <section aria-labelledby="edit-h">
          <h2 id="edit-h">Edit details</h2>
          <TemplateDetailsForm
            action={updateTemplateAction.bind(null, id, t.version)}
            initial={{ title: t.title, description: t.description, guideline: t.guideline }}
          />
        </section>
      ) : null}
    </div>
  );
}

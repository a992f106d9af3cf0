import Link from "next/link";
import { SaveTemplateForm } from "@/components/template-details-form";
import { getPlan } from "@/db/queries/plans";
import { requireActor } from "@/db/queries/session";
import { can } from "@/lib/authz";
import { idFromParam, loadOr404 } from "../../../../_lib/ids";
import { saveTemplateAction } from "../../../templates/actions";

export const metadata = { title: "Save as template" };

export default async function SaveTemplatePage({ params }: { params: Promise<{ id: string }> }) {
  const id = idFromParam((await params).id);
  const actor = await requireActor();
  const plan = loadOr404(() => getPlan({ actor, id }));
  return (
    <div className="narrow">
      <p className="muted" style={{ margin: 0 }}>
        <Link href={`/plans/${id}`}>Back to the plan</Link>
      </p>
      <h1>Save &ldquo;{plan.title}&rdquo; as a template</h1>
      <p>
        The template keeps the {plan.items.length} items and their doses, and the plan&apos;s length. Next time, start a plan from it and tailor it.
      </p>
      <SaveTemplateForm action={saveTemplateAction.bind(null, id)} defaultTitle={plan.title} mayShareWithClinic={can(actor, "library:write")} />
    </div>
  );
}

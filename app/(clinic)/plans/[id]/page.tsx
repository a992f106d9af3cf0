import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { AdherencePanel } from "@/components/adherence/adherence-panel";
import { ProgressGlanceLine } from "@/components/adherence/progress-glance";
import { PlanEditor } from "@/components/plan-editor/plan-editor";
import { PlanToolbar } from "@/components/plan-editor/plan-toolbar";
import { planQueryOptions } from "@/components/plan-editor/queries";
import { getQueryClient } from "@/components/query-client";
import { getPlanAdherence } from "@/db/queries/adherence";
import { getPlan } from "@/db/queries/plans";
import { requireActor } from "@/db/queries/session";
import { getTemplateOfPlan } from "@/db/queries/templates";
import { glanceOf } from "@/lib/adherence";
import Link from "next/link";
import { idFromParam, loadOr404 } from "../../../_lib/ids";

export const metadata = { title: "Plan" };

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idFromParam((await params).id);
  const actor = await requireActor();
  const plan = loadOr404(() => getPlan({ actor, id }));
  const adherence = getPlanAdherence({ actor, planId: id });
  const origin = getTemplateOfPlan({ actor, planId: id });
  const queryClient = getQueryClient();
  queryClient.setQueryData(planQueryOptions(id).queryKey, plan);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PlanToolbar planId={id} />
      {origin ? (
        <p className="muted">
          Started from the template <Link href={`/templates/${origin.id}`}>{origin.title}</Link>
          {origin.retiredAt ? " (now retired)" : ""}.
        </p>
      ) : null}
      {adherence.status !== "draft" || adherence.flags.lastLogDay !== null ? (
        <section className="card" aria-labelledby="glance-h" style={{ marginBottom: "1rem" }}>
          <h2 id="glance-h" className="visually-hidden">
            Progress at a glance
          </h2>
          <ProgressGlanceLine glance={glanceOf(adherence)} /> <a href="#adherence-h">See the details</a>
        </section>
      ) : null}
      <PlanEditor planId={id} />
      {/* Server-owned: the patient's entries come from their link, never from the editor's cache. */}
      <div style={{ marginTop: "1.5rem" }}>
        <AdherencePanel {...adherence} />
      </div>
    </HydrationBoundary>
  );
}

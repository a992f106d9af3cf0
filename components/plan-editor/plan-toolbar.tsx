"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTransition, useState } from "react";
import { useHydrated } from "@/components/use-hydrated";
import { duplicatePlanAction, issuePlanAction, setPlanStatusAction } from "@/app/(clinic)/plans/actions";
import { formatDateLong } from "@/lib/calendar-date";
import { planStatusLabels, planTransitions, transitionLabels, type PlanStatus } from "@/lib/plan-status";
import { planQueryOptions } from "./queries";

/** Title, status and the plan-wide actions (print, duplicate, status changes). */
export function PlanToolbar({ planId }: { planId: number }) {
  const { data: plan } = useSuspenseQuery(planQueryOptions(planId));
  const queryClient = useQueryClient();
  const [copying, startCopy] = useTransition();
  const hydrated = useHydrated();
  const [copyError, setCopyError] = useState<string | null>(null);
  const status = useMutation({
    mutationFn: async (next: PlanStatus) => {
      const result = await setPlanStatusAction(planId, next);
      if (!result.ok) throw new Error(result.message);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: planQueryOptions(planId).queryKey }),
  });
  const issue = useMutation({
    mutationFn: async () => {
      const result = await issuePlanAction(planId);
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: planQueryOptions(planId).queryKey }),
  });
  const issued = plan.issued;

  return (
    <div className="page-head">
      <div>
        <p className="muted" style={{ margin: 0 }}>
          Plan for <Link href={`/patients/${plan.patientId}`}>{plan.patientName}</Link>
        </p>
        <h1>
          {plan.title} <span className={`badge ${plan.status}`}>{planStatusLabels[plan.status]}</span>
        </h1>
      </div>
      <div className="actions">
        {/* Not prefetched: the print route is plain HTML (no RSC payload), and printing is no read to do ahead. */}
        <Link className="button primary" href={`/plans/${planId}/print`} target="_blank" prefetch={false}>
          Print handout
        </Link>
        {planTransitions[plan.status].map((next) => (
          <button key={next} type="button" className="button" disabled={status.isPending || !hydrated} onClick={() => status.mutate(next)}>
            {transitionLabels[next]}
          </button>
        ))}
        <button
          type="button"
          className="button"
          disabled={copying || !hydrated}
          onClick={() =>
            startCopy(async () => {
              const result = await duplicatePlanAction(planId, plan.patientId);
              if (result && !result.ok) setCopyError(result.message);
            })
          }
        >
          {copying ? "Duplicating…" : "Duplicate"}
        </button>
        <Link className="button" href={`/plans/${planId}/copy`}>
          Copy to another patient
        </Link>
        <Link className="button" href={`/plans/${planId}/versions`}>
          Version history
        </Link>
        <Link className="button" href={`/plans/${planId}/share`}>
          Share with patient
        </Link>
        <a className="button" href={`/api/plans/${planId}/calendar`}>
          Calendar file
        </a>
        <a className="button" href={`/api/plans/${planId}/export`}>
          Export (JSON)
        </a>
        <Link className="button" href={`/plans/${planId}/save-template`}>
          Save as template
        </Link>
      </div>
      <div className="issue-state" aria-live="polite">
        {issued === null ? (
          <p className="muted">Not yet given to the patient. Making the plan active, printing it or sharing it gives it to them as version 1.</p>
        ) : issued.unissuedChanges ? (
          <p className="alert">
            <strong>Changes not yet given to the patient.</strong> They still see version {issued.number}.{" "}
            <button type="button" className="button primary" disabled={issue.isPending || !hydrated} onClick={() => issue.mutate()}>
              {issue.isPending ? "Issuing…" : "Issue changes"}
            </button>
          </p>
        ) : (
          <p className="muted">
            The patient has version {issued.number}, given on {formatDateLong(issued.issuedAt.slice(0, 10))} by {issued.issuedByName}.
          </p>
        )}
      </div>
      {status.error || copyError || issue.error ? (
        <p className="alert" role="alert">
          {status.error?.message ?? issue.error?.message ?? copyError}
        </p>
      ) : null}
    </div>
  );
}

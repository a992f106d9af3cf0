"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import type { NewShareLink } from "@/app/(clinic)/plans/[id]/share/actions";
import type { ActionResult } from "@/lib/action-result";
import { addDays, formatDateLong, formatDateMedium, todayIn, type CalendarDate } from "@/lib/calendar-date";
import { linkEndsBeforePlan, SHARE_DAYS } from "@/lib/share-days";
import { CopyButton } from "./copy-button";
import { FormMessage, SelectField } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";
import { useHydrated } from "./use-hydrated";

const usualDays = [7, 14, 30, 60, SHARE_DAYS.max];

export function ShareLinkCreator({
  action,
  planId,
  today,
  planEnd,
  defaultDays,
  timeZone,
}: {
  action: (prev: ActionResult<NewShareLink> | null, formData: FormData) => Promise<ActionResult<NewShareLink>>;
  planId: number;
  /** The clinic's date and the plan's last day, so the form can tell a link that stops too early. */
  today: CalendarDate;
  planEnd: CalendarDate;
  /** Covers the plan to its end and a week (see shareDaysForPlan). */
  defaultDays: number;
  timeZone: string;
}) {
  const [state, formAction] = useActionState(action, null);
  const [days, setDays] = useState(defaultDays);
  const link = state?.ok ? state.data : null;
  const choices = [...new Set([...usualDays, defaultDays])]
    .sort((a, b) => a - b)
    .map((d) => ({ value: String(d), label: d === defaultDays ? `${d} days (to the end of the plan and a week)` : `${d} days` }));
  const shortByChoice = linkEndsBeforePlan(addDays(today, days), planEnd);
  const linkEnd = link ? todayIn(timeZone, new Date(link.expiresAt)) : null;
  // A length chosen before hydration would not reach the "stops before the plan ends" warning: wait for React.
  const hydrated = useHydrated();
  return (
    <section className="card" aria-labelledby="new-link-h">
      <h2 id="new-link-h">New link for the patient</h2>
      <fieldset className="bare" disabled={!hydrated} aria-busy={!hydrated}>
        <form action={formAction} className="form" noValidate>
          <SelectField
            label="The link works for"
            name="days"
            defaultValue={String(defaultDays)}
            onChange={(e) => setDays(Number(e.currentTarget.value))}
            options={choices}
            hint={`The plan ends on ${formatDateLong(planEnd)}.`}
            errors={state && !state.ok ? state.fieldErrors?.days : undefined}
          />
          <p role="status" className={shortByChoice ? "alert" : "visually-hidden"}>
            {shortByChoice
              ? `This link stops on ${formatDateMedium(addDays(today, days))}, before the plan ends. The patient will need a new one.`
              : ""}
          </p>
          <FormMessage message={state && !state.ok ? state.message : null} />
          <SubmitButton pendingText="Making the link…">Make a link</SubmitButton>
        </form>
      </fieldset>
      {link && linkEnd ? (
        <div className="new-link" role="status">
          <p>
            <strong>The link is ready.</strong> It is shown only now: print it or send it to the patient before you leave this page. It works until{" "}
            {formatDateLong(linkEnd)}.
            {linkEndsBeforePlan(linkEnd, planEnd) ? <strong> That is before the plan ends: the patient will need a new link then.</strong> : null}
          </p>
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={link.qr} alt="QR code that opens the patient's plan" width={200} height={200} />
          <p>
            <label htmlFor="share-url">Link</label>
            <input id="share-url" className="share-url" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
            <CopyButton text={link.url} label="Copy the link" />
          </p>
          <p>
            <Link className="button primary" href={`/plans/${planId}/print?link=${encodeURIComponent(link.token)}`} target="_blank" prefetch={false}>
              Print the handout with this link
            </Link>
          </p>
        </div>
      ) : null}
    </section>
  );
}

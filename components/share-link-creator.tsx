"use client";

import Link from "next/link";
import { useActionState } from "react";
import type { NewShareLink } from "@/app/(clinic)/plans/[id]/share/actions";
import type { ActionResult } from "@/lib/action-result";
import { SHARE_DAYS } from "@/lib/share-days";
import { FormMessage, SelectField } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";

const choices = [7, 14, 30, 60, SHARE_DAYS.max].map((d) => ({ value: String(d), label: `${d} days` }));

export function ShareLinkCreator({
  action,
  planId,
}: {
  action: (prev: ActionResult<NewShareLink> | null, formData: FormData) => Promise<ActionResult<NewShareLink>>;
  planId: number;
}) {
  const [state, formAction] = useActionState(action, null);
  const link = state?.ok ? state.data : null;
  return (
    <section className="card" aria-labelledby="new-link-h">
      <h2 id="new-link-h">New link for the patient</h2>
      <form action={formAction} className="form" noValidate>
        <SelectField
          label="The link works for"
          name="days"
          defaultValue={String(SHARE_DAYS.default)}
          options={choices}
          errors={state && !state.ok ? state.fieldErrors?.days : undefined}
        />
        <FormMessage message={state && !state.ok ? state.message : null} />
        <SubmitButton pendingText="Making the link…">Make a link</SubmitButton>
      </form>
      {link ? (
        <div className="new-link" role="status">
          <p>
            <strong>The link is ready.</strong> It is shown only now: print it or send it to the patient before you leave this page. It works until{" "}
            {new Date(link.expiresAt).toLocaleDateString("en-US", { dateStyle: "long" })}.
          </p>
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={link.qr} alt="QR code that opens the patient's plan" width={200} height={200} />
          <p>
            <label htmlFor="share-url">Link</label>
            <input id="share-url" className="share-url" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
          </p>
          <p>
            <Link className="button primary" href={`/plans/${planId}/print?link=${encodeURIComponent(link.token)}`} target="_blank">
              Print the handout with this link
            </Link>
          </p>
        </div>
      ) : null}
    </section>
  );
}

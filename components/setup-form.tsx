"use client";

import { useActionState, useSyncExternalStore } from "react";
import type { ActionResult } from "@/lib/action-result";
import { FormMessage, TextField } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";

type Submitted = { result: ActionResult; values: Record<string, string> };

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function SetupForm({ action }: { action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult> }) {
  const [state, formAction] = useActionState(async (_prev: Submitted | null, formData: FormData) => {
    const result = await action(null, formData);
    const values = Object.fromEntries(formData) as Record<string, string>;
    delete values.password;
    return { result, values };
  }, null);
  // The browser knows the clinic's zone better than a default would.
  // Read on the client only: the server renders "" and hydration then fills in the browser's zone.
  const zone = useSyncExternalStore(noSubscription, browserZone, () => "");
  const failed = state && !state.result.ok ? state.result : null;
  const errors = failed?.fieldErrors ?? {};
  const v = state?.values ?? {};
  return (
    <form action={formAction} className="form" noValidate>
      <fieldset>
        <legend>Your clinic</legend>
        <TextField label="Clinic name" name="clinicName" required defaultValue={v.clinicName} errors={errors.clinicName} />
        <TextField
          label="Clinic phone"
          name="clinicPhone"
          type="tel"
          required
          defaultValue={v.clinicPhone}
          errors={errors.clinicPhone}
          hint="Printed on every handout."
        />
        <input type="hidden" name="timeZone" value={zone} />
      </fieldset>
      <fieldset>
        <legend>The first admin account (you)</legend>
        <TextField label="Your name" name="name" required defaultValue={v.name} errors={errors.name} />
        <TextField label="Email" name="email" type="email" autoComplete="username" required defaultValue={v.email} errors={errors.email} />
        <TextField
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          errors={errors.password}
          hint="At least 8 characters. A short sentence is easy to remember and hard to guess."
        />
      </fieldset>
      <FormMessage message={failed?.message} />
      <SubmitButton pendingText="Setting up…">Set up Stride</SubmitButton>
    </form>
  );
}

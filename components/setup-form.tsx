"use client";

import { useSyncExternalStore } from "react";
import { useFormAction } from "./use-form-action";
import type { ActionResult } from "@/lib/action-result";
import { FormMessage, TextField } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function SetupForm({ action }: { action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult> }) {
  const { formAction, failed, errors, values: v } = useFormAction(action, { omit: ["password"] });
  // The browser knows the clinic's zone better than a default would.
  // Read on the client only: the server renders "" and hydration then fills in the browser's zone.
  const zone = useSyncExternalStore(noSubscription, browserZone, () => "");
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

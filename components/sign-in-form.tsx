"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { FormMessage, TextField } from "./ui/field";
import { SubmitButton } from "./ui/submit-button";

export function SignInForm({ action }: { action: (prev: ActionResult | null, formData: FormData) => Promise<ActionResult> }) {
  const [state, formAction] = useActionState(async (prev: { result: ActionResult; email: string } | null, formData: FormData) => {
    const result = await action(null, formData);
    return { result, email: String(formData.get("email") ?? "") };
  }, null);
  const failed = state && !state.result.ok ? state.result : null;
  return (
    <form action={formAction} className="form" noValidate>
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state?.email}
        errors={failed?.fieldErrors?.email}
      />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required errors={failed?.fieldErrors?.password} />
      <FormMessage message={failed?.message} />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </form>
  );
}

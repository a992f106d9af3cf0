"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/action-result";
import { FormMessage } from "../ui/field";
import { SubmitButton } from "../ui/submit-button";
import { PasswordField } from "./password-field";

type Submitted = { result: ActionResult<unknown>; values: Record<string, string> };
type Props = { action: (prev: null, formData: FormData) => Promise<ActionResult<unknown>>; name: string };

export function StaffPasswordForm({ action, name }: Props) {
  const [state, formAction] = useActionState(async (_prev: Submitted | null, formData: FormData) => {
    const result = await action(null, formData);
    // Keep a refused password so it can be corrected; forget one that was saved.
    return { result, values: result.ok ? {} : (Object.fromEntries(formData) as Record<string, string>) };
  }, null);
  const failed = state && !state.result.ok ? state.result : null;
  const saved = state?.result.ok === true;
  return (
    <form action={formAction} className="form" noValidate>
      <PasswordField
        label="New password"
        defaultValue={state?.values.password}
        errors={failed?.fieldErrors?.password}
        hint="At least 8 characters. Share it with them in person; they can use it right away."
      />
      <FormMessage message={failed?.message} />
      <FormMessage ok message={saved ? `Password changed. ${name} has been signed out everywhere and can sign in with the new password.` : null} />
      <SubmitButton>Set new password</SubmitButton>
    </form>
  );
}

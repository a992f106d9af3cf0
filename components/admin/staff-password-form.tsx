"use client";

import { useFormAction } from "../use-form-action";
import type { ActionResult } from "@/lib/action-result";
import { FormMessage } from "../ui/field";
import { SubmitButton } from "../ui/submit-button";
import { PasswordField } from "./password-field";

type Props = { action: (prev: null, formData: FormData) => Promise<ActionResult<unknown>>; name: string };

export function StaffPasswordForm({ action, name }: Props) {
  // Keep a refused password so it can be corrected; forget one that was saved.
  const { formAction, failed, values, result } = useFormAction(action, { forgetOnSuccess: true });
  const saved = result?.ok === true;
  return (
    <form action={formAction} className="form" noValidate>
      <PasswordField
        label="New password"
        defaultValue={values.password}
        errors={failed?.fieldErrors?.password}
        hint="At least 8 characters. Share it with them in person; they can use it right away."
      />
      <FormMessage message={failed?.message} />
      <FormMessage ok message={saved ? `Password changed. ${name} has been signed out everywhere and can sign in with the new password.` : null} />
      <SubmitButton>Set new password</SubmitButton>
    </form>
  );
}

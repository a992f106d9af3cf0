"use client";

import { useFormAction } from "../use-form-action";
import type { ActionResult } from "@/lib/action-result";
import { roleLabels, roles } from "@/lib/authz";
import { FormMessage, SelectField, TextField } from "../ui/field";
import { SubmitButton } from "../ui/submit-button";
import { PasswordField } from "./password-field";

type Props = { action: (prev: null, formData: FormData) => Promise<ActionResult<unknown> | undefined | void> };

const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

export function StaffForm({ action }: Props) {
  const { formAction, failed, errors, values: v } = useFormAction(action);
  return (
    <form action={formAction} className="form" noValidate>
      <TextField label="Full name" name="name" required autoComplete="off" defaultValue={v.name} errors={errors.name} />
      <TextField
        label="Email"
        name="email"
        type="email"
        required
        autoComplete="off"
        spellCheck={false}
        defaultValue={v.email}
        errors={errors.email}
        hint="They sign in with this address."
      />
      <SelectField
        label="Role"
        name="role"
        options={roleOptions}
        defaultValue={v.role ?? "therapist"}
        errors={errors.role}
        hint="Therapists work with patients, plans and the library. Admins can also manage staff and clinic settings."
      />
      <PasswordField
        label="Temporary password"
        defaultValue={v.password}
        errors={errors.password}
        hint="At least 8 characters. Share it with them in person; they can use it right away."
      />
      <FormMessage message={failed?.message} />
      <SubmitButton>Add staff member</SubmitButton>
    </form>
  );
}

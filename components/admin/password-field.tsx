"use client";

import { useId, useState, type ReactNode } from "react";
import { TextField } from "../ui/field";

/** A password box with a "Show password" switch, so an admin can check what they will read out. */
export function PasswordField({ label, hint, errors, defaultValue }: { label: string; hint: ReactNode; errors?: string[]; defaultValue?: string }) {
  const [shown, setShown] = useState(false);
  const toggleId = useId();
  return (
    <div>
      <TextField
        label={label}
        name="password"
        type={shown ? "text" : "password"}
        required
        autoComplete="new-password"
        spellCheck={false}
        defaultValue={defaultValue}
        errors={errors}
        hint={hint}
      />
      <p className="checks">
        <label htmlFor={toggleId}>
          <input id={toggleId} type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} />
          Show password
        </label>
      </p>
    </div>
  );
}

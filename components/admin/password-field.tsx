"use client";

import { useId, useState, type ReactNode } from "react";
import { TextField } from "../ui/field";
import { useHydrated } from "../use-hydrated";

/** A password box with a "Show password" switch, so an admin can check what they will read out. */
export function PasswordField({ label, hint, errors, defaultValue }: { label: string; hint: ReactNode; errors?: string[]; defaultValue?: string }) {
  const [shown, setShown] = useState(false);
  const toggleId = useId();
  // The switch works only through React: until the page is ready it stays off and cannot be ticked.
  const hydrated = useHydrated();
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
          <input id={toggleId} type="checkbox" checked={shown} disabled={!hydrated} onChange={(e) => setShown(e.target.checked)} />
          Show password
        </label>
      </p>
    </div>
  );
}

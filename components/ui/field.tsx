import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

type Common = { label: string; name: string; errors?: string[]; hint?: ReactNode; id?: string };

/** Label, control, hint and error wired together so screen readers announce them. */
function FieldShell({ label, id, errors, hint, children }: { label: string; id: string; errors?: string[]; hint?: ReactNode; children: ReactNode }) {
  return (
    <div className="field" data-invalid={errors?.length ? "true" : undefined}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      <p className="field-error" id={`${id}-error`} aria-live="polite">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

/** What every control needs to be announced with its label, hint and error. */
function controlProps(id: string, name: string, errors: string[] | undefined, hint: unknown) {
  return {
    id,
    name,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(" "),
  } as const;
}

export function TextField({ label, name, errors, hint, id, ...rest }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const fieldId = id ?? `f-${name}`;
  return (
    <FieldShell label={label} id={fieldId} errors={errors} hint={hint}>
      <input {...controlProps(fieldId, name, errors, hint)} {...rest} />
    </FieldShell>
  );
}

export function TextAreaField({ label, name, errors, hint, id, ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const fieldId = id ?? `f-${name}`;
  return (
    <FieldShell label={label} id={fieldId} errors={errors} hint={hint}>
      <textarea {...controlProps(fieldId, name, errors, hint)} {...rest} />
    </FieldShell>
  );
}

export function SelectField({
  label,
  name,
  errors,
  hint,
  id,
  options,
  ...rest
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly { value: string; label: string }[] }) {
  const fieldId = id ?? `f-${name}`;
  return (
    <FieldShell label={label} id={fieldId} errors={errors} hint={hint}>
      <select {...controlProps(fieldId, name, errors, hint)} {...rest}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function FormMessage({ message, ok }: { message?: string | null; ok?: boolean }) {
  return (
    <p className={ok ? "form-message ok" : "form-message"} role={ok ? "status" : "alert"}>
      {message ?? ""}
    </p>
  );
}

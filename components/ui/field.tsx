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

/**
 * Checkboxes that send one name with many values (body regions, precautions),
 * under a legend, with an optional hint and the group's error announced with
 * it. `children` go at the end of the group (fields that belong with it).
 */
export function CheckboxGroupField({
  legend,
  name,
  options,
  checked,
  errors,
  hint,
  id,
  children,
}: {
  legend: string;
  name: string;
  options: readonly { value: string; label: string }[];
  checked: readonly string[];
  errors?: string[];
  hint?: ReactNode;
  id?: string;
  children?: ReactNode;
}) {
  const groupId = id ?? `f-${name}`;
  return (
    <fieldset aria-describedby={[hint ? `${groupId}-hint` : null, `${groupId}-error`].filter(Boolean).join(" ")}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${groupId}-hint`}>
          {hint}
        </p>
      ) : null}
      <div className="checks">
        {options.map((o) => (
          <label key={o.value}>
            <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} /> {o.label}
          </label>
        ))}
      </div>
      <p className="field-error" id={`${groupId}-error`} aria-live="polite">
        {errors?.join(" ")}
      </p>
      {children}
    </fieldset>
  );
}

export function FormMessage({ message, ok }: { message?: string | null; ok?: boolean }) {
  return (
    <p className={ok ? "form-message ok" : "form-message"} role={ok ? "status" : "alert"}>
      {message ?? ""}
    </p>
  );
}

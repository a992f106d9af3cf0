"use client";

import { useActionState } from "react";
import { useFormAction } from "@/components/use-form-action";
import { clinicProfileSchema } from "@/lib/schemas/clinic";
import { numberFieldProps, numberBounds, rangeWords } from "@/lib/zod-bounds";
import { ArchiveButton } from "@/components/archive-button";
import type { ActionResult } from "@/lib/action-result";
import { LOGO_MAX_BYTES } from "@/lib/logo";
import type { ClinicProfileInput } from "@/lib/schemas/clinic";
import { FormMessage, SelectField, TextAreaField, TextField } from "../ui/field";
import { SubmitButton } from "../ui/submit-button";

type Action = (prev: null, formData: FormData) => Promise<ActionResult<unknown>>;
type Values = Partial<Record<keyof ClinicProfileInput, string>>;

type ClinicFormProps = {
  action: Action;
  initial: { [K in keyof ClinicProfileInput]: string | number };
  timeZones: readonly string[];
};

const shape = clinicProfileSchema.shape;
/** "1 to 240" (the unit is in the label already). */
const range = (schema: (typeof shape)["quietDaysFlag"]) => rangeWords({ ...numberBounds(schema), unit: undefined });

export function ClinicForm({ action, initial, timeZones }: ClinicFormProps) {
  const {
    formAction,
    failed,
    errors,
    values: v,
    result,
  } = useFormAction<Values>(action, {
    initial: Object.fromEntries(Object.entries(initial).map(([k, x]) => [k, String(x)])),
  });
  const zones = timeZones.includes(v.timeZone ?? "") || !v.timeZone ? timeZones : [v.timeZone, ...timeZones];
  return (
    <form action={formAction} className="form" noValidate>
      <TextField label="Clinic name" name="name" required autoComplete="organization" defaultValue={v.name} errors={errors.name} />
      <div className="field-row">
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          required
          autoComplete="tel"
          defaultValue={v.phone}
          errors={errors.phone}
          hint="Printed on every handout, so patients can call you."
        />
        <TextField label="Email (optional)" name="email" type="email" autoComplete="email" defaultValue={v.email} errors={errors.email} />
      </div>
      <TextAreaField label="Address (optional)" name="address" rows={2} defaultValue={v.address} errors={errors.address} />
      <TextField
        label="Website (optional)"
        name="website"
        type="url"
        defaultValue={v.website}
        errors={errors.website}
        hint="The full address, for example https://example.com."
      />
      <SelectField
        label="Time zone"
        name="timeZone"
        defaultValue={v.timeZone}
        errors={errors.timeZone}
        options={zones.map((z) => ({ value: z, label: z.replaceAll("_", " ") }))}
        hint="Plan dates and “today” follow the clinic's wall clock in this zone."
      />
      <TextAreaField
        label="Handout footer (optional)"
        name="handoutFooter"
        rows={2}
        defaultValue={v.handoutFooter}
        errors={errors.handoutFooter}
        hint="A short line printed at the bottom of every handout."
      />
      <fieldset className="card">
        <legend className="legend">Signing out</legend>
        <div className="field-row">
          <TextField
            {...numberFieldProps(shape.idleTimeoutMinutes, "Sign out after inactivity (minutes)")}
            name="idleTimeoutMinutes"
            defaultValue={v.idleTimeoutMinutes}
            errors={errors.idleTimeoutMinutes}
            hint={`${range(shape.idleTimeoutMinutes)}. Usually 15.`}
          />
          <TextField
            {...numberFieldProps(shape.absoluteTimeoutHours, "Longest session (hours)")}
            name="absoluteTimeoutHours"
            defaultValue={v.absoluteTimeoutHours}
            errors={errors.absoluteTimeoutHours}
            hint={`${range(shape.absoluteTimeoutHours)}. Usually 12.`}
          />
        </div>
      </fieldset>
      <fieldset className="card">
        <legend className="legend">Patient entries</legend>
        <TextField
          {...numberFieldProps(shape.quietDaysFlag, "Flag a plan after this many days without entries")}
          name="quietDaysFlag"
          defaultValue={v.quietDaysFlag}
          errors={errors.quietDaysFlag}
          hint={`${range(shape.quietDaysFlag)}. Usually 3. Plans are also flagged when the patient reports pain of 7 or more.`}
        />
      </fieldset>
      <FormMessage message={result?.ok ? "The clinic profile is saved." : failed?.message} ok={result?.ok} />
      <SubmitButton>Save clinic profile</SubmitButton>
    </form>
  );
}

const tooLarge = "That picture is too large. The logo can be at most 512 KB.";

type LogoFormProps = {
  uploadAction: Action;
  removeAction: () => Promise<ActionResult<unknown>>;
  clinicName: string;
  /** Query string that changes with each new logo, or null when there is none. */
  logoVersion: string | null;
};

export function LogoForm({ uploadAction, removeAction, clinicName, logoVersion }: LogoFormProps) {
  const [state, formAction] = useActionState(async (_prev: ActionResult<unknown> | null, formData: FormData): Promise<ActionResult<unknown>> => {
    const file = formData.get("logo");
    // Checked here only to spare a slow upload; the server checks again.
    if (file instanceof File && file.size > LOGO_MAX_BYTES) return { ok: false, message: tooLarge, fieldErrors: { logo: [tooLarge] } };
    try {
      return await uploadAction(null, formData);
    } catch {
      return { ok: false, message: "The upload did not go through. Please try again with a smaller picture (at most 512 KB)." };
    }
  }, null);
  const failed = state && !state.ok ? state : null;
  return (
    <div className="form">
      {logoVersion ? (
        <div>
          <p className="legend">Current logo</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- served by our own route, no optimisation wanted */}
          <img
            src={`/api/clinic/logo?v=${encodeURIComponent(logoVersion)}`}
            alt={`${clinicName} logo`}
            style={{ maxHeight: "6rem", maxWidth: "100%", display: "block", margin: "0.4rem 0" }}
          />
          <ArchiveButton action={removeAction} label="Remove logo" confirm="Remove the clinic logo? Handouts will print without it." />
        </div>
      ) : (
        <p className="muted">No logo yet. Handouts print the clinic name on its own.</p>
      )}
      <form action={formAction} className="form" noValidate>
        <TextField
          label={logoVersion ? "New logo picture" : "Logo picture"}
          name="logo"
          type="file"
          accept="image/png,image/jpeg,image/webp"
          errors={failed?.fieldErrors?.logo}
          hint="PNG, JPEG or WebP, at most 512 KB. SVG files are not accepted."
        />
        <FormMessage message={state?.ok ? "The logo is saved." : failed && !failed.fieldErrors?.logo ? failed.message : null} ok={state?.ok} />
        <SubmitButton pendingText="Uploading…">{logoVersion ? "Replace logo" : "Upload logo"}</SubmitButton>
      </form>
    </div>
  );
}

"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { removeClinicLogo, setClinicLogo, updateClinicProfile } from "@/db/queries/clinic";
import { removeDemoData } from "@/db/queries/demo";
import type { ActionResult } from "@/lib/action-result";
import { RuleError } from "@/lib/errors";
import { checkLogo, LOGO_MAX_BYTES } from "@/lib/logo";
import { clinicProfileSchema } from "@/lib/schemas/clinic";
import { formObject, runAction } from "../../../_lib/run-action";

// Handouts read the profile per request (they need the session), so only this page holds a rendered copy.
function revalidateClinic() {
  revalidatePath("/admin/clinic");
}

export async function updateClinicProfileAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction("clinic.update", "clinic:write", (actor) =>
    updateClinicProfile({ actor, input: clinicProfileSchema.parse(formObject(formData)) }),
  );
  if (result.ok) revalidateClinic();
  return result;
}

export async function uploadClinicLogoAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction("clinic.logo.set", "clinic:write", async (actor) => {
    const file = formData.get("logo");
    if (!(file instanceof File) || file.size === 0) throw new RuleError("Choose a PNG, JPEG or WebP picture to upload.", "logo");
    // Refuse an oversized file before reading it into memory.
    if (file.size > LOGO_MAX_BYTES)
      throw new RuleError(`That picture is too large (${Math.ceil(file.size / 1024)} KB). The logo can be at most 512 KB.`, "logo");
    const bytes = Buffer.from(await file.arrayBuffer());
    const check = checkLogo(bytes);
    if (!check.ok) throw new RuleError(check.message, "logo");
    setClinicLogo({ actor, bytes, type: check.type });
  });
  if (result.ok) revalidateClinic();
  return result;
}

export async function removeClinicLogoAction(): Promise<ActionResult> {
  const result = await runAction("clinic.logo.remove", "clinic:write", (actor) => removeClinicLogo({ actor }));
  if (result.ok) revalidateClinic();
  return result;
}

/** Removes the demo staff and patients in one step; an admin who was a demo account is signed out with it. */
export async function removeDemoDataAction(): Promise<ActionResult> {
  const result = await runAction("demo.remove", "clinic:write", (actor) => removeDemoData({ actor }));
  if (!result.ok) return result;
  // Every staff page shows the demo banner: refresh them all.
  revalidatePath("/", "layout");
  if (result.data.removedOwnAccount) redirect("/sign-in");
  return { ok: true, data: undefined };
}

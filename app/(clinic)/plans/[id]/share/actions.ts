"use server";

import { revalidatePath } from "next/cache";
import { createShareLink, revokeShareLink } from "@/db/queries/share-links";
import type { ActionResult } from "@/lib/action-result";
import { shareLinkView } from "@/lib/share-link-view";
import { shareLinkDaysSchema } from "@/lib/schemas/share-link";
import { publicBaseUrl } from "../../../../_lib/base-url";
import { formObject, recordIdSchema, runAction } from "../../../../_lib/run-action";

export type NewShareLink = { url: string; typed: string; qr: string; token: string; expiresAt: string };

/** Makes a new link; its token is shown this once (only its hash is kept). */
export async function createShareLinkAction(planId: number, patientId: number, _prev: ActionResult<NewShareLink> | null, formData: FormData) {
  const result = await runAction("share.create", "plans:write", async (actor) => {
    const { days } = shareLinkDaysSchema.parse(formObject(formData));
    const link = createShareLink({ actor, patientId: recordIdSchema.parse(patientId), days, planId: recordIdSchema.parse(planId) });
    const view = await shareLinkView(await publicBaseUrl(), link.token);
    return { ...view, token: link.token, expiresAt: link.expiresAt.toISOString() };
  });
  if (result.ok) revalidatePath(`/plans/${recordIdSchema.parse(planId)}/share`);
  return result;
}

export async function revokeShareLinkAction(planId: number, patientId: number, linkId: number): Promise<ActionResult> {
  const result = await runAction("share.revoke", "plans:write", (actor) =>
    revokeShareLink({ actor, patientId: recordIdSchema.parse(patientId), linkId: recordIdSchema.parse(linkId) }),
  );
  if (result.ok) revalidatePath(`/plans/${recordIdSchema.parse(planId)}/share`);
  return result;
}

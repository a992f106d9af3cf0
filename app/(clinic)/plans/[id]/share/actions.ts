"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createShareLink, revokeShareLink } from "@/db/queries/share-links";
import type { ActionResult } from "@/lib/action-result";
import { shareLinkView } from "@/lib/share-link-view";
import { SHARE_DAYS } from "@/lib/share-token";
import { publicBaseUrl } from "../../../../_lib/base-url";
import { formObject, recordIdSchema, runAction } from "../../../../_lib/run-action";

const daysSchema = z.object({
  days: z.coerce
    .number({ error: "Choose how long the link works." })
    .int({ error: "Choose a whole number of days." })
    .min(SHARE_DAYS.min, { error: `A link works for at least ${SHARE_DAYS.min} day.` })
    .max(SHARE_DAYS.max, { error: `A link can work for at most ${SHARE_DAYS.max} days.` }),
});

export type NewShareLink = { url: string; typed: string; qr: string; token: string; expiresAt: string };

/** Makes a new link; its token is shown this once (only its hash is kept). */
export async function createShareLinkAction(planId: number, patientId: number, _prev: ActionResult<NewShareLink> | null, formData: FormData) {
  const result = await runAction("plans:write", async (actor) => {
    const { days } = daysSchema.parse(formObject(formData));
    const link = createShareLink({ actor, patientId: recordIdSchema.parse(patientId), days, planId: recordIdSchema.parse(planId) });
    const view = await shareLinkView(await publicBaseUrl(), link.token);
    return { ...view, token: link.token, expiresAt: link.expiresAt.toISOString() };
  });
  if (result.ok) revalidatePath(`/plans/${recordIdSchema.parse(planId)}/share`);
  return result;
}

export async function revokeShareLinkAction(planId: number, patientId: number, linkId: number): Promise<ActionResult> {
  const result = await runAction("plans:write", (actor) =>
    revokeShareLink({ actor, patientId: recordIdSchema.parse(patientId), linkId: recordIdSchema.parse(linkId) }),
  );
  if (result.ok) revalidatePath(`/plans/${recordIdSchema.parse(planId)}/share`);
  return result;
}

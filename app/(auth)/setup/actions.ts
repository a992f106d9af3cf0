"use server";

import { redirect } from "next/navigation";
import { invalidInputDetail, recordAuditEvent } from "@/db/queries/audit";
import { clientAddress } from "@/db/queries/session";
import { completeFirstRunSetup } from "@/db/queries/setup";
import { invalid, type ActionResult } from "@/lib/action-result";
import { isTimeZone } from "@/lib/calendar-date";
import { RuleError } from "@/lib/errors";
import { setupSchema } from "@/lib/schemas/auth";
import { formObject, toFailure } from "../../_lib/run-action";

/** Open to anyone, but only while no staff account exists (checked in the transaction). */
export async function setupAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const address = await clientAddress();
  const parsed = setupSchema.safeParse(formObject(formData));
  if (!parsed.success) {
    recordAuditEvent({ actor: null, action: "setup.complete", outcome: "refused", detail: invalidInputDetail(parsed.error), address });
    return invalid(parsed.error);
  }
  const timeZone = isTimeZone(parsed.data.timeZone) ? parsed.data.timeZone : "UTC";
  try {
    await completeFirstRunSetup({ ...parsed.data, timeZone }, address);
  } catch (error) {
    // Most often someone trying setup again on an installed clinic: worth a row.
    if (error instanceof RuleError) recordAuditEvent({ actor: null, action: "setup.complete", outcome: "refused", detail: error.message, address });
    return toFailure(error);
  }
  redirect("/sign-in?setup=done");
}

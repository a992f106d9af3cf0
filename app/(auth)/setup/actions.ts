"use server";

import { redirect } from "next/navigation";
import { completeFirstRunSetup } from "@/db/queries/setup";
import { invalid, type ActionResult } from "@/lib/action-result";
import { isTimeZone } from "@/lib/calendar-date";
import { setupSchema } from "@/lib/schemas/auth";
import { formObject, toFailure } from "../../_lib/run-action";

/** Open to anyone, but only while no staff account exists (checked in the transaction). */
export async function setupAction(_prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = setupSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error);
  const timeZone = isTimeZone(parsed.data.timeZone) ? parsed.data.timeZone : "UTC";
  try {
    await completeFirstRunSetup({ ...parsed.data, timeZone });
  } catch (error) {
    return toFailure(error);
  }
  redirect("/sign-in?setup=done");
}

"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/db/auth";
import { invalidInputDetail, recordAuditEvent } from "@/db/queries/audit";
import { clientAddress, getCurrentActor } from "@/db/queries/session";
import { clearSignInFailures, forgetSignInAttempt, recordSignInFailure, signInWaitMs } from "@/db/queries/sign-in-throttle";
import { invalid, type ActionResult } from "@/lib/action-result";
import { safeNextPath, signInSchema } from "@/lib/schemas/auth";
import { formObject } from "../../_lib/run-action";

// One sentence for every wrong try, so it never tells whether an account exists.
const MISMATCH = "That email and password do not match an active staff account.";

export async function signInAction(next: string, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const address = await clientAddress();
  const parsed = signInSchema.safeParse(formObject(formData));
  if (!parsed.success) {
    recordAuditEvent({ actor: null, action: "auth.sign-in", outcome: "refused", detail: invalidInputDetail(parsed.error), address });
    return invalid(parsed.error);
  }
  const { email, password } = parsed.data;
  // The email as typed (never the password), so an admin can see which account was tried.
  const tried = `as ${email.trim().toLowerCase().slice(0, 120)}`;
  const wait = signInWaitMs({ email, address });
  if (wait > 0) {
    recordAuditEvent({ actor: null, action: "auth.sign-in", outcome: "denied", detail: `${tried}: too many tries, told to wait`, address });
    const minutes = Math.ceil(wait / 60_000);
    return { ok: false, message: `Too many tries. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"}, then try again.` };
  }
  const attempt = recordSignInFailure({ email, address });
  let user: { id: string; name: string } | null = null;
  try {
    ({ user } = await getAuth().api.signInEmail({ body: { email, password, rememberMe: false }, headers: await headers() }));
  } catch {
    user = null;
  }
  if (!user) {
    recordAuditEvent({
      actor: null,
      action: "auth.sign-in",
      outcome: "denied",
      detail: `${tried}: wrong email or password, or the account is not active`,
      address,
    });
    return { ok: false, message: MISMATCH };
  }
  recordAuditEvent({ actor: { userId: user.id, name: user.name }, action: "auth.sign-in", outcome: "ok", address });
  forgetSignInAttempt(attempt);
  clearSignInFailures({ email });
  redirect(safeNextPath(next));
}

export async function signOutAction() {
  const actor = await getCurrentActor();
  try {
    await getAuth().api.signOut({ headers: await headers() });
    if (actor) recordAuditEvent({ actor, action: "auth.sign-out", outcome: "ok", address: await clientAddress() });
  } catch {
    // Already signed out: nothing to end.
  }
  redirect("/sign-in");
}

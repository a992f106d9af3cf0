"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getAuth } from "@/db/auth";
import { clientAddress } from "@/db/queries/session";
import { clearSignInFailures, forgetSignInAttempt, recordSignInFailure, signInWaitMs } from "@/db/queries/sign-in-throttle";
import { invalid, type ActionResult } from "@/lib/action-result";
import { safeNextPath, signInSchema } from "@/lib/schemas/auth";
import { formObject } from "../../_lib/run-action";

// One sentence for every wrong try, so it never tells whether an account exists.
const MISMATCH = "That email and password do not match an active staff account.";

export async function signInAction(next: string, _prev: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = signInSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalid(parsed.error);
  const { email, password } = parsed.data;
  const address = await clientAddress();
  const wait = signInWaitMs({ email, address });
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60_000);
    return { ok: false, message: `Too many tries. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"}, then try again.` };
  }
  const attempt = recordSignInFailure({ email, address });
  let signedIn = false;
  try {
    await getAuth().api.signInEmail({ body: { email, password, rememberMe: false }, headers: await headers() });
    signedIn = true;
  } catch {
    signedIn = false;
  }
  if (!signedIn) return { ok: false, message: MISMATCH };
  forgetSignInAttempt(attempt);
  clearSignInFailures({ email });
  redirect(safeNextPath(next));
}

export async function signOutAction() {
  try {
    await getAuth().api.signOut({ headers: await headers() });
  } catch {
    // Already signed out: nothing to end.
  }
  redirect("/sign-in");
}

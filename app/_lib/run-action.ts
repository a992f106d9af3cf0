import "server-only";
import { z, ZodError } from "zod";
import { invalidInputDetail, isAudited, recordAuditEvent } from "@/db/queries/audit";
import { clientAddress, getCurrentActor } from "@/db/queries/session";
import { invalid, type ActionResult } from "@/lib/action-result";
import { can, ForbiddenError, type Actor, type Permission } from "@/lib/authz";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";

/**
 * Runs the body of a server action as the current actor, if that actor holds
 * `permission`, and turns the query layer's errors into the one ActionResult
 * shape. Unknown errors are logged on the server and reach the browser only
 * as a plain sentence. No session, no work: an anonymous or deactivated
 * caller gets SIGNED_OUT.
 *
 * This is also the one place that records attempts the query layer never
 * sees: a caller who is signed out or lacks the role, and input refused
 * before any query ran. Each writes one audit row under `action` (the code
 * the query layer uses for the same work), with the client's address.
 */
export async function runAction<T>(action: string, permission: Permission, body: (actor: Actor) => T | Promise<T>): Promise<ActionResult<T>> {
  const actor = await getCurrentActor();
  if (!actor) {
    await recordAttempt(null, action, "denied", "not signed in");
    return signedOut;
  }
  // Role first, before any input is read: the query layer checks again with the record in hand.
  if (!can(actor, permission)) {
    await recordAttempt(actor, action, "denied", `needs the ${permission} permission`);
    return { ok: false, code: "FORBIDDEN", message: new ForbiddenError().message };
  }
  try {
    return { ok: true, data: await body(actor) };
  } catch (error) {
    if (!isAudited(error) && isRefusal(error))
      await recordAttempt(actor, action, "refused", error instanceof ZodError ? invalidInputDetail(error) : error.message);
    return toFailure(error);
  }
}

function isRefusal(error: unknown): error is ZodError | RuleError | NotFoundError | ConflictError | ForbiddenError {
  return (
    error instanceof ZodError ||
    error instanceof RuleError ||
    error instanceof NotFoundError ||
    error instanceof ConflictError ||
    error instanceof ForbiddenError
  );
}

async function recordAttempt(actor: Actor | null, action: string, outcome: "denied" | "refused", detail: string) {
  recordAuditEvent({ actor, action, outcome, detail, address: await clientAddress() });
}

export const SIGNED_OUT = "SIGNED_OUT";
const signedOut = {
  ok: false as const,
  code: SIGNED_OUT,
  message: "You are signed out (the session ended). Sign in again to carry on; nothing you typed has been lost.",
};

export function toFailure(error: unknown): { ok: false; message: string; fieldErrors?: Record<string, string[]>; code?: string } {
  if (error instanceof ZodError) return invalid(error);
  if (error instanceof RuleError)
    return { ok: false, message: error.message, fieldErrors: error.field ? { [error.field]: [error.message] } : undefined };
  if (error instanceof ConflictError) return { ok: false, code: error.code, message: error.message };
  if (error instanceof NotFoundError || error instanceof ForbiddenError) return { ok: false, message: error.message };
  console.error("Unexpected error in a server action", error);
  return { ok: false, message: "Something went wrong on our side, and nothing was saved. Please try again." };
}

/** FormData to a plain object; repeated names (checkbox groups) become arrays. */
export function formObject(formData: FormData, arrays: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = formData.getAll(key).map((v) => (typeof v === "string" ? v : ""));
    out[key] = arrays.includes(key) ? values : values[0];
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}

/** Ids and versions bound into actions arrive from the browser like any other input. */
export const recordIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

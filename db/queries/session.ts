import "server-only";
import { eq } from "drizzle-orm";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db";
import { getAuth } from "@/db/auth";
import { clinicSettings, sessions } from "@/db/schema";
import type { Actor, Role } from "@/lib/authz";
import { recordAuditEvent } from "./audit";
import { countStaff } from "./staff";

/** Activity is written at most this often, so every click is not a write. */
const TOUCH_EVERY_MS = 30_000;

export function sessionLimits() {
  const row = getDb()
    .select({ idle: clinicSettings.idleTimeoutMinutes, absolute: clinicSettings.absoluteTimeoutHours })
    .from(clinicSettings)
    .where(eq(clinicSettings.id, 1))
    .get();
  return { idleMs: (row?.idle ?? 15) * 60_000, absoluteMs: (row?.absolute ?? 12) * 3_600_000 };
}

/**
 * Who is asking: the signed-in, active staff member behind this request's
 * session cookie, or null. A session past the clinic's idle or absolute
 * limit, or of a deactivated account, is deleted on the spot.
 */
export const getCurrentActor = cache(async (): Promise<Actor | null> => {
  const result = await getAuth().api.getSession({
    headers: await headers(),
    query: { disableCookieCache: true, disableRefresh: true },
  });
  if (!result) return null;
  const { session, user } = result as unknown as {
    session: { id: string; createdAt: Date; updatedAt: Date };
    user: { id: string; name: string; role: Role; active: boolean };
  };
  const db = getDb();
  const now = Date.now();
  const { idleMs, absoluteMs } = sessionLimits();
  const idle = now - new Date(session.updatedAt).getTime() > idleMs;
  const tooOld = now - new Date(session.createdAt).getTime() > absoluteMs;
  if (!user.active || idle || tooOld) {
    const removed = db.delete(sessions).where(eq(sessions.id, session.id)).run().changes > 0;
    // One row per ended session (a second request racing on the same cookie finds it gone).
    if (removed)
      recordAuditEvent({
        actor: { userId: user.id, name: user.name },
        action: "auth.session-expired",
        outcome: user.active ? "ok" : "denied",
        detail: !user.active
          ? "the account is deactivated"
          : tooOld
            ? `signed in more than ${absoluteMs / 3_600_000} h ago`
            : `idle for more than ${idleMs / 60_000} min`,
        address: await clientAddress(),
      });
    return null;
  }
  if (now - new Date(session.updatedAt).getTime() > TOUCH_EVERY_MS)
    db.update(sessions)
      .set({ updatedAt: new Date(now) })
      .where(eq(sessions.id, session.id))
      .run();
  return { userId: user.id, name: user.name, role: user.role, active: true };
});

/** For pages: the actor, or off to first-run setup / sign-in (and back here afterwards). */
export async function requireActor(): Promise<Actor> {
  const actor = await getCurrentActor();
  if (actor) return actor;
  if (countStaff() === 0) redirect("/setup");
  const here = (await headers()).get("x-stride-path") ?? "/";
  redirect(`/sign-in?next=${encodeURIComponent(here)}`);
}

/** The client's address as the server saw it: the last X-Forwarded-For hop, which Next sets itself. */
export async function clientAddress(): Promise<string> {
  const forwarded = (await headers()).get("x-forwarded-for") ?? "";
  const hops = forwarded
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  return hops.at(-1) ?? "unknown";
}

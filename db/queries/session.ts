import "server-only";
import type { Actor } from "@/lib/authz";

/**
 * Who is asking. Until staff accounts land (issue #3) Stride runs in
 * single-clinic mode: whoever can reach the server acts as the clinic's
 * staff. Every action and route already asks through this one function, so
 * sign-in only has to change it, not the callers.
 */
export async function getCurrentActor(): Promise<Actor> {
  return { userId: 0, name: "Clinic staff", role: "admin", active: true };
}

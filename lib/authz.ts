/**
 * Who is asking, and what they may do. Every query in db/queries takes an
 * Actor and calls `assertCan` before touching data, so a page, layout or
 * proxy is never the only guard.
 */
export const roles = ["admin", "therapist"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = { admin: "Admin", therapist: "Therapist" };

export type Actor = {
  userId: string;
  name: string;
  role: Role;
  active: boolean;
};

const therapistPermissions = ["patients:read", "patients:write", "plans:read", "plans:write", "library:read", "clinic:read"] as const;
const adminOnlyPermissions = ["library:write", "clinic:write", "staff:manage", "audit:read"] as const;

export type Permission = (typeof therapistPermissions)[number] | (typeof adminOnlyPermissions)[number];

// Admins do everything a therapist does, plus run the clinic.
const grants: Record<Role, ReadonlySet<Permission>> = {
  therapist: new Set<Permission>(therapistPermissions),
  admin: new Set<Permission>([...therapistPermissions, ...adminOnlyPermissions]),
};

export class ForbiddenError extends Error {
  readonly code = "FORBIDDEN";
  constructor() {
    super("You are not allowed to do that.");
  }
}

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  return !!actor && actor.active && grants[actor.role].has(permission);
}

export function assertCan(actor: Actor | null | undefined, permission: Permission): asserts actor is Actor {
  if (!can(actor, permission)) throw new ForbiddenError();
}

/**
 * Who is asking, and what they may do. Every query in db/queries takes an
 * Actor and calls `assertCan` before touching data, so a page, layout or
 * middleware is never the only guard.
 */
export const roles = ["admin", "therapist"] as const;
export type Role = (typeof roles)[number];

export type Actor = {
  userId: number;
  name: string;
  role: Role;
  active: boolean;
};

export type Permission =
  | "patients:read"
  | "patients:write"
  | "plans:read"
  | "plans:write"
  | "library:read"
  | "library:write"
  | "clinic:read"
  | "clinic:write";

const grants: Record<Role, ReadonlySet<Permission>> = {
  therapist: new Set<Permission>([
    "patients:read",
    "patients:write",
    "plans:read",
    "plans:write",
    "library:read",
    "library:write",
    "clinic:read",
  ]),
  admin: new Set<Permission>([
    "patients:read",
    "patients:write",
    "plans:read",
    "plans:write",
    "library:read",
    "library:write",
    "clinic:read",
    "clinic:write",
  ]),
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

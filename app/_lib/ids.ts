import { notFound } from "next/navigation";
import { ForbiddenError } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";

/** Route params are text; anything but a positive whole number is a 404. */
export function idFromParam(value: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(value)) notFound();
  const id = Number(value);
  if (!Number.isSafeInteger(id)) notFound();
  return id;
}

/**
 * Runs a read and turns "not found" from the query layer into Next's 404 page.
 * "Not allowed" gets the same 404: a page (an admin page, say) is not
 * advertised to someone who cannot use it.
 */
export function loadOr404<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) notFound();
    throw error;
  }
}

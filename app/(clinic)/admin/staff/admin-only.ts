import "server-only";
import { notFound } from "next/navigation";
import { ForbiddenError } from "@/lib/authz";
import { NotFoundError } from "@/lib/errors";

/**
 * Runs a staff-management read for a page. A therapist who types an admin
 * address gets the ordinary 404 page: the staff pages are not advertised to
 * people who cannot use them, and an unknown person is a 404 too.
 */
export function adminOr404<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) notFound();
    throw error;
  }
}

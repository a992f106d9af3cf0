import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";

/** Route params are text; anything but a positive whole number is a 404. */
export function idFromParam(value: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(value)) notFound();
  const id = Number(value);
  if (!Number.isSafeInteger(id)) notFound();
  return id;
}

/** Runs a read and turns "not found" from the query layer into Next's 404 page. */
export function loadOr404<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

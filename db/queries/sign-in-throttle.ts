import "server-only";
import { and, count, eq, gte, inArray, lt, max, min } from "drizzle-orm";
import { getDb } from "@/db";
import { signInFailures } from "@/db/schema";

const HOUR = 3_600_000;
/**
 * After this many failures in an hour, each further try waits longer (30 s,
 * 1 min, 2 min … up to 15 min). An address gets more slack than an account:
 * a whole clinic may sit behind one address.
 */
export const FREE_FAILURES = { account: 5, address: 30 } as const;
export const MAX_FAILURES_PER_HOUR = 100;
const BASE_WAIT_MS = 30_000;
const MAX_WAIT_MS = 15 * 60_000;

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

function waitFor(key: string, free: number, now: number): number {
  const since = new Date(now - HOUR);
  const row = getDb()
    .select({ n: count(), last: max(signInFailures.at), first: min(signInFailures.at) })
    .from(signInFailures)
    .where(and(eq(signInFailures.key, key), gte(signInFailures.at, since)))
    .get();
  const n = row?.n ?? 0;
  if (n >= MAX_FAILURES_PER_HOUR && row?.first) return new Date(row.first).getTime() + HOUR - now;
  if (n < free || !row?.last) return 0;
  const wait = Math.min(BASE_WAIT_MS * 2 ** (n - free), MAX_WAIT_MS);
  return Math.max(0, new Date(row.last).getTime() + wait - now);
}

/**
 * How long (ms) this email and address must wait before another try. Keyed by
 * the email as typed, so an unknown account is throttled exactly like a real one.
 */
export function signInWaitMs({ email, address, now = Date.now() }: { email: string; address: string; now?: number }): number {
  return Math.max(waitFor(accountKey(email), FREE_FAILURES.account, now), waitFor(addressKey(address), FREE_FAILURES.address, now));
}

/**
 * Counts an attempt as failed before the password is checked, so a burst of
 * parallel tries cannot all slip under the limit; returns the rows to forget
 * if the password turns out right.
 */
export function recordSignInFailure({ email, address, now = Date.now() }: { email: string; address: string; now?: number }): number[] {
  const at = new Date(now);
  const db = getDb();
  // Nothing older than the hour counts any more: forget it, so the table stays small.
  db.delete(signInFailures)
    .where(lt(signInFailures.at, new Date(now - HOUR)))
    .run();
  return db
    .insert(signInFailures)
    .values([
      { key: accountKey(email), at },
      { key: addressKey(address), at },
    ])
    .returning({ id: signInFailures.id })
    .all()
    .map((r) => r.id);
}

export function forgetSignInAttempt(ids: number[]) {
  if (ids.length) getDb().delete(signInFailures).where(inArray(signInFailures.id, ids)).run();
}

/** A successful sign-in clears the account's count (not the address's). */
export function clearSignInFailures({ email }: { email: string }) {
  getDb()
    .delete(signInFailures)
    .where(inArray(signInFailures.key, [accountKey(email)]))
    .run();
}

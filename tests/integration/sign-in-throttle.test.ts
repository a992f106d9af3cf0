import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { signInFailures } from "@/db/schema";
import { clearSignInFailures, FREE_FAILURES, recordSignInFailure, signInWaitMs } from "@/db/queries/sign-in-throttle";

describe("sign-in throttling", () => {
  it("lets 5 wrong tries through, then makes each further try wait longer", () => {
    const email = "throttle.one@example.com";
    const address = "10.0.0.1";
    const t0 = Date.UTC(2026, 0, 5, 9, 0, 0);
    for (let i = 0; i < FREE_FAILURES.account; i++) {
      expect(signInWaitMs({ email, address, now: t0 + i })).toBe(0);
      recordSignInFailure({ email, address, now: t0 + i });
    }
    const first = signInWaitMs({ email, address, now: t0 + 10 });
    expect(first).toBeGreaterThan(25_000);
    recordSignInFailure({ email, address, now: t0 + 40_000 });
    expect(signInWaitMs({ email, address, now: t0 + 40_001 })).toBeGreaterThan(first);
    // Case and spaces in the typed email do not give a fresh count.
    expect(signInWaitMs({ email: " THROTTLE.one@example.com ", address: "10.9.9.9", now: t0 + 40_001 })).toBeGreaterThan(0);
    clearSignInFailures({ email });
    expect(signInWaitMs({ email, address: "10.9.9.9", now: t0 + 40_002 })).toBe(0);
  });

  it("never waits more than 15 minutes between tries, however many failures below the hourly cap", () => {
    const email = "throttle.cap@example.com";
    const t0 = Date.UTC(2026, 0, 6, 8, 0, 0);
    // 40 failures: uncapped, the doubling would ask for 30 s × 2^35. Each from its own address, so only the account counts.
    for (let i = 0; i < 40; i++) recordSignInFailure({ email, address: `10.4.0.${i}`, now: t0 + i * 1000 });
    const last = t0 + 39 * 1000;
    const wait = signInWaitMs({ email, address: "10.4.1.1", now: last + 1000 });
    expect(wait).toBe(15 * 60_000 - 1000);
    expect(signInWaitMs({ email, address: "10.4.1.1", now: last + 15 * 60_000 })).toBe(0);
  });

  it("caps an account at 100 failures an hour, counted from the first of them", () => {
    const email = "throttle.two@example.com";
    const t0 = Date.UTC(2026, 0, 6, 9, 0, 0);
    for (let i = 0; i < 100; i++) recordSignInFailure({ email, address: `10.1.0.${i}`, now: t0 + i * 1000 });
    const wait = signInWaitMs({ email, address: "10.2.0.1", now: t0 + 100_000 });
    // The 15-minute cap on one wait would allow a try at t0 + 99 s + 15 min; the hourly cap holds it to t0 + 1 h.
    expect(wait).toBe(60 * 60_000 - 100_000);
    expect(signInWaitMs({ email, address: "10.2.0.1", now: t0 + 60 * 60_000 - 1 })).toBeGreaterThan(0);
  });

  it("slows down an address after 30 failures across any accounts, and only that address", () => {
    const address = "10.5.0.1";
    const t0 = Date.UTC(2026, 0, 6, 10, 0, 0);
    // Times are stored to the second, so the tries are a second apart.
    for (let i = 0; i < FREE_FAILURES.address - 1; i++) recordSignInFailure({ email: `shared.${i}@example.com`, address, now: t0 + i * 1000 });
    expect(signInWaitMs({ email: "newcomer@example.com", address, now: t0 + 29_000 })).toBe(0);
    recordSignInFailure({ email: "shared.last@example.com", address, now: t0 + 29_000 });
    expect(FREE_FAILURES.address).toBe(30);
    expect(signInWaitMs({ email: "newcomer@example.com", address, now: t0 + 30_000 })).toBe(30_000 - 1000);
    expect(signInWaitMs({ email: "newcomer@example.com", address: "10.5.0.2", now: t0 + 30_000 })).toBe(0);
  });

  it("forgets failures older than the hour when new ones come in", () => {
    const t0 = Date.UTC(2026, 0, 8, 9, 0, 0);
    recordSignInFailure({ email: "old.one@example.com", address: "10.6.0.1", now: t0 });
    const keys = () =>
      getDb()
        .select({ key: signInFailures.key })
        .from(signInFailures)
        .all()
        .map((r) => r.key);
    expect(keys()).toContain("account:old.one@example.com");
    recordSignInFailure({ email: "new.one@example.com", address: "10.6.0.2", now: t0 + 61 * 60_000 });
    expect(keys()).not.toContain("account:old.one@example.com");
    expect(keys()).toContain("account:new.one@example.com");
  });

  it("gives an address shared by a whole clinic more room than one account", () => {
    const address = "10.3.0.1";
    const t0 = Date.UTC(2026, 0, 7, 9, 0, 0);
    for (let i = 0; i < 10; i++) recordSignInFailure({ email: `person${i}@example.com`, address, now: t0 + i });
    expect(signInWaitMs({ email: "fresh@example.com", address, now: t0 + 20 })).toBe(0);
  });
});

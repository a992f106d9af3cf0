import { describe, expect, it } from "vitest";
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

  it("never waits more than 15 minutes between tries, and caps an account at 100 failures an hour", () => {
    const email = "throttle.two@example.com";
    const t0 = Date.UTC(2026, 0, 6, 9, 0, 0);
    for (let i = 0; i < 100; i++) recordSignInFailure({ email, address: `10.1.0.${i}`, now: t0 + i * 1000 });
    const wait = signInWaitMs({ email, address: "10.2.0.1", now: t0 + 100_000 });
    expect(wait).toBeGreaterThan(15 * 60_000);
    expect(wait).toBeLessThanOrEqual(60 * 60_000);
    expect(signInWaitMs({ email, address: "10.2.0.1", now: t0 + 61 * 60_000 })).toBeLessThanOrEqual(15 * 60_000);
  });

  it("gives an address shared by a whole clinic more room than one account", () => {
    const address = "10.3.0.1";
    const t0 = Date.UTC(2026, 0, 7, 9, 0, 0);
    for (let i = 0; i < 10; i++) recordSignInFailure({ email: `person${i}@example.com`, address, now: t0 + i });
    expect(signInWaitMs({ email: "fresh@example.com", address, now: t0 + 20 })).toBe(0);
  });
});

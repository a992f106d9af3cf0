import "server-only";
import { betterAuth } from "better-auth";
import { eq } from "drizzle-orm";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databasePath, getDb } from "@/db";
import { accounts, sessions, users, verifications } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/password";

/** Sessions never last longer than this, whatever the clinic setting (it caps the cookie too). */
export const MAX_SESSION_SECONDS = 24 * 60 * 60;

/**
 * The signing secret: BETTER_AUTH_SECRET, or one made on first start and kept
 * beside the database (mode 600), so a self-hosted install needs no setup step.
 */
function authSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
  const file = path.join(path.dirname(databasePath()), "auth-secret");
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch {
    const secret = crypto.randomBytes(32).toString("base64url");
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return fs.readFileSync(file, "utf8").trim();
  }
}

function createAuth() {
  const baseURL = process.env.STRIDE_BASE_URL ?? "http://localhost:3000";
  return betterAuth({
    appName: "Stride",
    baseURL,
    secret: authSecret(),
    database: drizzleAdapter(getDb(), { provider: "sqlite", usePlural: true, schema: { users, sessions, accounts, verifications } }),
    emailAndPassword: {
      enabled: true,
      // Staff accounts are made by an admin (or the first-run setup), never by signing up.
      disableSignUp: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      password: { hash: hashPassword, verify: verifyPassword },
    },
    session: {
      // The absolute lifetime is enforced per clinic in db/queries/session.ts; this is the outer cap.
      expiresIn: MAX_SESSION_SECONDS,
      // Never slide the expiry: idle time is tracked separately.
      updateAge: MAX_SESSION_SECONDS * 2,
      cookieCache: { enabled: false },
    },
    user: {
      additionalFields: {
        role: { type: "string", required: false, input: false, defaultValue: "therapist" },
        active: { type: "boolean", required: false, input: false, defaultValue: true },
      },
    },
    // Sign-in throttling lives in the sign-in action, which is the only way in (server-side calls skip this limiter).
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: "stride",
      useSecureCookies: baseURL.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated account gets no new session, whatever password it knows.
          before: async (session) => {
            const user = getDb().select({ active: users.active }).from(users).where(eq(users.id, session.userId)).get();
            return user?.active ? { data: session } : false;
          },
        },
      },
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { strideAuth?: Auth };

export function getAuth(): Auth {
  globalForAuth.strideAuth ??= createAuth();
  return globalForAuth.strideAuth;
}

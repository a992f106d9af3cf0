import { expect, test } from "@playwright/test";
import { like } from "drizzle-orm";
import { openDatabase } from "@/db";
import { signInFailures } from "@/db/schema";
import { ADMIN, E2E_DB } from "./accounts";

// Runs after every other test (its own project, see playwright.config.ts): 30 failures lock the
// test machine's one address out of signing in for a while, which would break tests running beside it.

test("rotating X-Forwarded-For does not reset the per-address sign-in limit: the 31st try waits, even with the right password", async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const db = openDatabase(E2E_DB, { migrate: false });
  db.delete(signInFailures).run();
  const attempt = async (email: string, password: string, claimed: string) => {
    await context.setExtraHTTPHeaders({ "X-Forwarded-For": claimed, "X-Real-IP": claimed, Forwarded: `for=${claimed}` });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
  };
  try {
    // 30 wrong tries, each for another account (so no account limit applies) and claiming another address.
    for (let i = 1; i <= 30; i++) {
      await attempt(`nobody.${i}@harbour-test.example`, "not the password", `203.0.113.${i}`);
      await expect(page.getByText("That email and password do not match an active staff account.")).toBeVisible();
    }
    const keys = db
      .select({ key: signInFailures.key })
      .from(signInFailures)
      .where(like(signInFailures.key, "address:%"))
      .all()
      .map((r) => r.key);
    expect(keys).toEqual(Array(30).fill("address:127.0.0.1"));

    await attempt(ADMIN.email, ADMIN.password, "198.51.100.31");
    await expect(page.getByText(/Too many tries\. Wait 1 minute, then try again\./)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  } finally {
    db.delete(signInFailures).run();
    db.$client.close();
    await context.close();
  }
});

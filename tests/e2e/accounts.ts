/** Fictional staff made by the e2e suite itself (the test database starts empty). */
export const ADMIN = { name: "Ada Admin", email: "ada.admin@harbour-test.example", password: "tide pools at dawn 42" };

/** The admin's signed-in browser state, saved by first-run.setup.ts for the other tests. */
export const adminState = "tests/.tmp/admin-state.json";

/** The e2e server's database file (see playwright.config.ts); tests may read it or age a session in it. */
export const E2E_DB = "tests/.tmp/e2e.db";

/** Everything the e2e server writes to stdout and stderr (its log), for tests that check what is logged. */
export const serverLog = "tests/.tmp/e2e-server.log";

export async function signInAs(page: import("@playwright/test").Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

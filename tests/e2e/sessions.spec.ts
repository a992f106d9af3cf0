import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db";
import { writeStaffUser } from "@/db/credentials";
import { sessions, users } from "@/db/schema";
import { hashPassword } from "@/lib/password";
import { ADMIN, E2E_DB, signInAs } from "./accounts";

/** Runs after every other project: it changes clinic-wide session settings. */
test.describe.configure({ mode: "serial" });

const THERAPIST = { email: "idle.ivy@harbour-test.example", password: "slow steady steps" };
const LOCKED = { email: "locked.lou@harbour-test.example", password: "many wrong doors" };

test.beforeAll(async () => {
  const db = openDatabase(E2E_DB, { migrate: false });
  for (const [name, who] of [
    ["Ivy Idle", THERAPIST],
    ["Lou Locked", LOCKED],
  ] as const)
    if (!db.select().from(users).where(eq(users.email, who.email)).get())
      writeStaffUser(db, { name, email: who.email, role: "therapist", hash: await hashPassword(who.password) });
  db.$client.close();
});

/** Moves the clock forward for one session by pretending its last use was `minutes` ago. */
function ageSessions(email: string, minutes: number) {
  const db = openDatabase(E2E_DB, { migrate: false });
  const user = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!;
  const when = new Date(Date.now() - minutes * 60_000);
  db.update(sessions).set({ updatedAt: when }).where(eq(sessions.userId, user.id)).run();
  db.$client.close();
}

test("idle timeout with a shortened setting: back to sign-in, then back to the plan with the typed dose saved", async ({ browser, baseURL }) => {
  const admin = await (await browser.newContext({ baseURL })).newPage();
  await signInAs(admin, ADMIN.email, ADMIN.password);
  await admin.goto("/admin/clinic");
  await admin.getByLabel("Sign out after inactivity (minutes)").fill("2");
  await admin.getByRole("button", { name: "Save clinic profile" }).click();
  await expect(admin.getByText("The clinic profile is saved.")).toBeVisible();

  const page = await (await browser.newContext({ baseURL })).newPage();
  await signInAs(page, THERAPIST.email, THERAPIST.password);
  await page.goto("/patients/new");
  await page.getByLabel("Full name").fill("Idle Test Patient");
  await page.getByRole("button", { name: "Save patient" }).click();
  await page.getByRole("link", { name: "New plan" }).click();
  await page.getByLabel("Plan title").fill("Idle plan");
  await page.getByRole("button", { name: "Create plan" }).click();
  await page.getByLabel("Search the library").fill("bridge");
  // Click in the results for "bridge", not in the whole library they replace.
  await expect(page.getByText(/^\d+ found$/)).toBeVisible();
  await page.getByRole("button", { name: /^Add glute bridge/i }).click();
  const card = page.locator("ol.items > li").first();
  await expect(card).toBeVisible();
  const planUrl = new URL(page.url()).pathname;

  // Three minutes of no use: past the 2-minute idle limit.
  ageSessions(THERAPIST.email, 3);
  await card.getByLabel("Reps", { exact: true }).fill("9");
  await card.getByLabel("Reps", { exact: true }).press("Tab");
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(planUrl)}`));
  await page.getByLabel("Email").fill(THERAPIST.email);
  await page.getByLabel("Password").fill(THERAPIST.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${planUrl}$`));
  // The dose typed before the session lapsed was kept and saved.
  await expect(page.locator("ol.items > li").first().getByLabel("Reps", { exact: true })).toHaveValue("9");
  await page.reload();
  await expect(page.locator("ol.items > li").first().getByLabel("Reps", { exact: true })).toHaveValue("9");

  await admin.goto("/admin/clinic");
  await admin.getByLabel("Sign out after inactivity (minutes)").fill("15");
  await admin.getByRole("button", { name: "Save clinic profile" }).click();
  await expect(admin.getByText("The clinic profile is saved.")).toBeVisible();
});

test("lockout after repeated wrong passwords, with the same words for an unknown account", async ({ page }) => {
  for (let i = 0; i < 5; i++) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(LOCKED.email);
    await page.getByLabel("Password").fill(`wrong guess ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and password do not match an active staff account.")).toBeVisible();
  }
  // Even the right password waits now.
  await page.getByLabel("Password").fill(LOCKED.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Too many tries\. Wait \d+ minutes?/)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  // An account that does not exist is answered the same way, try for try.
  for (let i = 0; i < 5; i++) {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("nobody.here@harbour-test.example");
    await page.getByLabel("Password").fill(`wrong guess ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and password do not match an active staff account.")).toBeVisible();
  }
  await page.getByLabel("Password").fill("anything at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/Too many tries\. Wait \d+ minutes?/)).toBeVisible();
});

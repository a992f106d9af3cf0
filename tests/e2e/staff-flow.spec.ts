import { addFromLibrary, addPatient, addPlan, expect, test, unique } from "./fixtures";
import { signInAs } from "./accounts";

test("an admin adds a therapist, who builds and prints a plan, signs out, and is asked to sign in again; the audit log shows it", async ({
  page,
  browser,
  baseURL,
}) => {
  // The admin (this page's saved session) adds a therapist.
  const name = unique("Theo Therapist");
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@harbour-test.example`;
  const password = "walk the harbour wall";
  await page.goto("/admin/staff/new");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Role").selectOption("therapist");
  await page.getByLabel("Temporary password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Add staff member" }).click();
  await expect(page.getByRole("cell", { name: email })).toBeVisible();

  // The therapist, in a browser of their own.
  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const tp = await context.newPage();
  await signInAs(tp, email, password);
  await expect(tp.getByText(`${name} · Therapist`)).toBeVisible();
  await expect(tp.getByRole("link", { name: "Staff" })).toHaveCount(0);
  const patientName = unique("Petra Audit");
  const patientId = await addPatient(tp, patientName);
  const planId = await addPlan(tp, patientId, "Audit trail plan");
  const bridge = await addFromLibrary(tp, "bridge", /glute bridge/);
  await bridge.getByLabel("Reps", { exact: true }).fill("14");
  await bridge.getByLabel("Reps", { exact: true }).press("Tab");
  await expect(bridge.locator(".save-state")).toHaveText("Saved");
  await tp.goto(`/plans/${planId}/print`);
  await expect(tp.getByRole("heading", { name: "Audit trail plan" })).toBeVisible();

  // An admin-only page is not there for a therapist.
  const adminPage = await tp.goto("/admin/staff");
  expect(adminPage?.status()).toBe(404);

  await tp.goto(`/plans/${planId}`);
  await tp.getByRole("button", { name: "Sign out" }).click();
  await expect(tp).toHaveURL(/\/sign-in$/);
  await tp.goto(`/plans/${planId}`);
  await expect(tp).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(`/plans/${planId}`)}`));
  await expect(tp.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await context.close();

  // The admin sees the print and the dose change, by whom, in the audit log.
  await page.goto(`/admin/audit?patient=${patientId}`);
  const rows = page.locator("table.list tbody tr");
  await expect(rows.filter({ hasText: "Printed a handout" }).filter({ hasText: name })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Changed a dose" }).filter({ hasText: name })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Added a patient" }).filter({ hasText: name })).toHaveCount(1);
});

test("deactivating an account ends its session at once", async ({ page, browser, baseURL }) => {
  const name = unique("Dee Parting");
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@harbour-test.example`;
  await page.goto("/admin/staff/new");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Temporary password", { exact: true }).fill("leaving on a jet plane");
  await page.getByRole("button", { name: "Add staff member" }).click();
  // The account exists (and this page is the staff list) before anyone signs in with it.
  await expect(page.getByRole("cell", { name: email })).toBeVisible();

  const context = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const tp = await context.newPage();
  await signInAs(tp, email, "leaving on a jet plane");
  await expect(tp.getByRole("heading", { name: "Patients" })).toBeVisible();

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: `Deactivate ${name}` }).click();
  await expect(page.getByRole("button", { name: `Reactivate ${name}` })).toBeVisible();

  await tp.goto("/patients");
  await expect(tp).toHaveURL(/\/sign-in/);
  // And the password no longer opens the door.
  await tp.getByLabel("Email").fill(email);
  await tp.getByLabel("Password").fill("leaving on a jet plane");
  await tp.getByRole("button", { name: "Sign in" }).click();
  await expect(tp.getByText("That email and password do not match an active staff account.")).toBeVisible();
  await context.close();
});

test("security headers on every response", async ({ request }) => {
  for (const url of ["/patients", "/sign-in", "/api/health", "/library"]) {
    const res = await request.get(url);
    const h = res.headers();
    expect(h["content-security-policy"], url).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(h["content-security-policy"], url).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(h["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(h["x-content-type-options"], url).toBe("nosniff");
    expect(h["referrer-policy"], url).toBeTruthy();
  }
});

import AxeBuilder from "@axe-core/playwright";
import { test as setup, expect, type Page } from "@playwright/test";
import { ADMIN, adminState } from "./accounts";

setup("first run: name the clinic, make the first admin, sign in", async ({ page }) => {
  // A fresh install has no staff: every page leads to setup.
  await page.goto("/patients");
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole("heading", { name: "Welcome to Stride" })).toBeVisible();
  // The setup page exists only until the first admin does, so the accessibility scan of it lives here.
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel("Clinic name").fill("Harbour Physio (test)");
  await page.getByLabel("Clinic phone").fill("(555) 010-4477");
  await page.getByLabel("Your name").fill(ADMIN.name);
  await page.getByLabel("Email").fill(ADMIN.email);
  // The password policy answers next to the field, and what was typed elsewhere stays.
  await page.getByLabel("Password").fill("password1");
  await page.getByRole("button", { name: "Set up Stride" }).click();
  await expect(page.locator("#f-password-error")).toContainText("most common");
  await expect(page.getByLabel("Clinic name")).toHaveValue("Harbour Physio (test)");
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Set up Stride" }).click();
  await expect(page.getByText("Your clinic is ready")).toBeVisible();

  // Setup is a one-time door.
  await page.goto("/setup");
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Patients" })).toBeVisible();
  await expect(page.getByText(`${ADMIN.name} · Admin`)).toBeVisible();
  await page.context().storageState({ path: adminState });
});

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `/setup: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

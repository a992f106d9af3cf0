import { test as base, expect, type Page } from "@playwright/test";

let counter = 0;
/** Unique per test run and worker, so parallel tests never see each other's records. */
export function unique(prefix: string) {
  counter += 1;
  return `${prefix} ${Date.now().toString(36)}${process.pid}${counter}`;
}

export async function addPatient(page: Page, name: string) {
  await page.goto("/patients/new");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Phone (optional)").fill("555 0199");
  await page.getByRole("button", { name: "Save patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return Number(page.url().split("/").pop());
}

export async function addPlan(page: Page, patientId: number, title: string, weeks = 6, startDate = "2026-03-02") {
  await page.goto(`/patients/${patientId}/plans/new`);
  await page.getByLabel("Plan title").fill(title);
  await page.getByLabel("Goal, in the patient's words").fill("Walk my dog for 30 minutes without pain");
  await page.getByLabel("Start date").fill(startDate);
  await page.getByLabel("Length in weeks").fill(String(weeks));
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByRole("heading", { name: "Plan details" })).toBeVisible();
  return Number(page.url().split("/").pop());
}

/** Finds a library entry with the picker and adds it; returns the new item's card. */
export async function addFromLibrary(page: Page, search: string, name: RegExp) {
  const before = await page.locator("ol.items > li").count();
  await page.getByLabel("Search the library").fill(search);
  await page.getByRole("button", { name: new RegExp(`^Add ${name.source}`, "i") }).first().click();
  await expect(page.locator("ol.items > li")).toHaveCount(before + 1);
  return page.locator("ol.items > li").nth(before);
}

export { base as test, expect };

import { test as base, expect, type Page } from "@playwright/test";
import { openDatabase } from "@/db";
import { clinicSettings } from "@/db/schema";
import { todayIn } from "@/lib/calendar-date";
import { E2E_DB } from "./accounts";

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
  return patientIdFromUrl(page);
}

/** The id of the patient page just reached: waits for its address first, as the form's own page may still be showing. */
export async function patientIdFromUrl(page: Page) {
  await expect(page).toHaveURL(/\/patients\/\d+$/);
  return Number(new URL(page.url()).pathname.split("/").pop());
}

export async function addPlan(page: Page, patientId: number, title: string, weeks = 6, startDate = "2026-03-02") {
  await page.goto(`/patients/${patientId}/plans/new`);
  await page.getByLabel("Plan title").fill(title);
  await page.getByLabel("Goal, in the patient's words").fill("Walk my dog for 30 minutes without pain");
  await page.getByLabel("Start date").fill(startDate);
  await page.getByLabel("Length in weeks").fill(String(weeks));
  await page.getByRole("button", { name: "Create plan" }).click();
  await expect(page.getByRole("heading", { name: "Plan details" })).toBeVisible();
  return planIdFromUrl(page);
}

/** The id of the plan page just reached, once the address is the plan's own. */
export async function planIdFromUrl(page: Page) {
  await expect(page).toHaveURL(/\/plans\/\d+$/);
  return Number(new URL(page.url()).pathname.split("/").pop());
}

/** Finds a library entry with the picker and adds it; returns the new item's card. */
export async function addFromLibrary(page: Page, search: string, name: RegExp) {
  const before = await page.locator("ol.items > li").count();
  await page.getByLabel("Search the library").fill(search);
  // Wait for the results of what was typed: a click on a result that is being swapped for the new list is lost.
  // The count says "updating…" until the list shown is the one for the search box's text.
  await expect(page.getByText(/^\d+ found$/)).toBeVisible();
  const add = page.getByRole("button", { name: new RegExp(`^Add ${name.source}`, "i") }).first();
  await expect(add).toBeEnabled();
  await add.click();
  await expect(page.locator("ol.items > li")).toHaveCount(before + 1);
  return page.locator("ol.items > li").nth(before);
}

/**
 * Retires a library entry made by a test. The plan editor's picker lists at most 50 entries with an empty
 * search, in category order: every custom entry left active pushes a starter entry (the visits come last)
 * off that list for the tests that tick from it, so tests retire what they add.
 */
export async function retireLibraryEntry(page: Page, entryUrl: string) {
  await page.goto(entryUrl);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Retire" }).click();
  await expect(page.getByText("Retired", { exact: true })).toBeVisible();
}

/** A new patient with an active plan (a walk and two exercises, starting today) and a fresh link to it. */
export async function makeSharedPlan(page: Page) {
  const patientId = await addPatient(page, unique("Sofia Share"));
  const planId = await addPlan(page, patientId, "Strong back at home", 4, clinicToday());
  await addFromLibrary(page, "steady walk", /steady daily walk/);
  await addFromLibrary(page, "bridge", /glute bridge/);
  await addFromLibrary(page, "cat-camel", /cat-camel/);
  await page.getByRole("button", { name: "Make active" }).click();
  await expect(page.locator(".badge.active")).toHaveText("Active");
  await page.getByRole("link", { name: "Share with patient" }).click();
  await page.getByRole("button", { name: "Make a link" }).click();
  await expect(page.getByAltText("QR code that opens the patient's plan")).toBeVisible();
  const url = await page.getByLabel("Link", { exact: true }).inputValue();
  return { patientId, planId, url, token: url.split("/p/")[1] };
}

/** Today on the clinic's calendar, so a shared plan starting today is in its first week. */
export function clinicToday() {
  const db = openDatabase(E2E_DB, { migrate: false });
  const tz = db.select({ tz: clinicSettings.timeZone }).from(clinicSettings).get()?.tz ?? "UTC";
  db.$client.close();
  return todayIn(tz);
}

export { base as test, expect };

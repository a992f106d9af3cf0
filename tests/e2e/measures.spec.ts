import AxeBuilder from "@axe-core/playwright";
import { extractText, getDocumentProxy } from "unpdf";
import { openDatabase } from "@/db";
import { clinicSettings } from "@/db/schema";
import { addDays, todayIn } from "@/lib/calendar-date";
import { E2E_DB } from "./accounts";
import { addFromLibrary, addPatient, addPlan, expect, test, unique } from "./fixtures";

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

function clinicToday() {
  const db = openDatabase(E2E_DB, { migrate: false });
  const tz = db.select({ tz: clinicSettings.timeZone }).from(clinicSettings).get()?.tz ?? "UTC";
  db.$client.close();
  return todayIn(tz);
}

async function seriousViolations(page: import("@playwright/test").Page) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  return axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}

const odiSections = [
  "Pain intensity",
  "Personal care",
  "Lifting",
  "Walking",
  "Sitting",
  "Standing",
  "Sleeping",
  "Sex life",
  "Social life",
  "Travelling",
];

async function recordOdi(page: import("@playwright/test").Page, patientId: number, context: string, takenOn: string, answers: number[]) {
  await page.goto(`/patients/${patientId}`);
  await page.getByRole("link", { name: "Record a measure" }).click();
  await page.getByRole("link", { name: /Oswestry Disability Index/ }).click();
  await page.getByLabel("When").selectOption({ label: context });
  await page.getByLabel("Date taken").fill(takenOn);
  for (const [i, name] of odiSections.entries()) await page.getByLabel(`${i + 1}. ${name}`).selectOption(String(answers[i]));
  await page.getByRole("button", { name: "Save ODI" }).click();
}

test("a therapist records a baseline ODI and a re-assessment, sees the chart and the sentence, and prints the progress summary", async ({ page }) => {
  test.setTimeout(120_000);
  const name = unique("Oskar Measure");
  const patientId = await addPatient(page, name);
  const today = clinicToday();

  // A date in the future and three blank sections are refused next to their fields, and nothing is saved.
  await recordOdi(page, patientId, "Intake (baseline)", addDays(today, 3), [3, 3, 2, 2, 2, 2, 3, 2, 2, 2]);
  await expect(page.locator("#f-takenOn-error")).toHaveText("The date cannot be in the future.");
  await page.getByLabel("Date taken").fill(addDays(today, -28));
  for (const i of [7, 8, 9]) await page.getByLabel(`${i + 1}. ${odiSections[i]}`).selectOption("");
  await page.getByRole("button", { name: "Save ODI" }).click();
  await expect(page.locator("#sections-error")).toContainText("Answer at least 8 of the 10 sections");
  await page.goto(`/patients/${patientId}`);
  await expect(page.getByText("No measures recorded yet.")).toBeVisible();

  await recordOdi(page, patientId, "Intake (baseline)", addDays(today, -28), [3, 3, 2, 2, 2, 2, 3, 2, 2, 2]);
  await expect(page.getByRole("heading", { name: "Outcome measures" })).toBeVisible();
  await expect(page.getByText("One result so far.")).toBeVisible();
  await recordOdi(page, patientId, "Re-assessment", today, [2, 2, 1, 1, 1, 2, 1, 2, 1, 1]);

  const sentence = "ODI fell from 46 % to 28 %: an important improvement.";
  await expect(page.getByText(sentence)).toBeVisible();
  const chart = page.getByRole("img", { name: sentence });
  await expect(chart).toBeVisible();
  await expect(chart.locator("svg path.recharts-curve")).toHaveCount(1);
  await expect(chart.locator(".recharts-reference-area")).toHaveCount(1);
  // The same numbers as a table for screen readers.
  await expect(page.getByRole("table", { name: "Oswestry Disability Index 2.1a (ODI) by date" }).getByRole("row")).toHaveCount(3);
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto(`/patients/${patientId}/measures/new?measure=odi`);
  expect(await seriousViolations(page)).toEqual([]);
  await page.goto(`/patients/${patientId}`);

  await page.getByRole("link", { name: "Progress summary" }).click();
  await expect(page.getByRole("heading", { name: "Progress summary" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", printBackground: true });
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text, totalPages } = await extractText(doc, { mergePages: true });
  const flat = text.replace(/\s+/g, " ");
  expect(totalPages).toBe(1);
  expect(flat).toContain(name);
  expect(flat).toContain("Progress summary");
  expect(flat).toContain(sentence);
  expect(flat).toMatch(/46 % \(Severe disability\)/);
  expect(flat).toMatch(/28 % \(Moderate disability\)/);
  expect(flat).toContain("Adherence");
});

test("the patient fills the PSFS their plan asks for on a 360 px phone with JavaScript off", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const name = unique("Pia Phone");
  const patientId = await addPatient(page, name);
  const planId = await addPlan(page, patientId, "Back on track", 6, clinicToday());
  await addFromLibrary(page, "bridge", /glute bridge/);
  await page.getByRole("button", { name: "Make active" }).click();
  await expect(page.locator(".badge.active")).toHaveText("Active");

  await page.goto(`/patients/${patientId}`);
  await page.getByLabel("Measure", { exact: true }).selectOption("psfs");
  await page.getByLabel("Plan weeks").fill("0, 3, 6");
  await page.getByRole("button", { name: "Save request" }).click();
  await expect(page.getByText("PSFS at plan weeks 0, 3, 6 (Back on track)")).toBeVisible();

  await page.goto(`/plans/${planId}/share`);
  await page.getByRole("button", { name: "Make a link" }).click();
  const url = await page.getByLabel("Link", { exact: true }).inputValue();

  // axe needs JavaScript, so the same page is scanned from a second phone first.
  const scanner = await browser.newContext({ ...phone, baseURL, storageState: { cookies: [], origins: [] } });
  const sp = await scanner.newPage();
  await sp.goto(url);
  await expect(sp.getByRole("heading", { name: "Questions from your clinic" })).toBeVisible();
  expect(await seriousViolations(sp)).toEqual([]);
  await scanner.close();

  const patient = await browser.newContext({ ...phone, baseURL, javaScriptEnabled: false, storageState: { cookies: [], origins: [] } });
  const p = await patient.newPage();
  await p.goto(url);
  await expect(p.getByRole("heading", { name: "Questions from your clinic" })).toBeVisible();
  const activity = (n: number) => p.getByRole("group", { name: n === 1 ? "Activity 1" : `Activity ${n} (if you have one)`, exact: true });

  // A second activity without a rating is sent back with the reason next to it, and nothing is saved.
  await activity(1).getByLabel("What is it?").fill("Carry the shopping home");
  await activity(1).getByLabel("How well can you do it today? (0 to 10)").selectOption("3");
  await activity(2).getByLabel("What is it?").fill("Sit through a film");
  await p.getByRole("button", { name: "Send my answers" }).click();
  await expect(p.getByText("Some answers need another look. Nothing was saved yet.")).toBeVisible();
  await expect(activity(2).getByText("Please rate this activity from 0 to 10.")).toBeVisible();

  await activity(1).getByLabel("What is it?").fill("Carry the shopping home");
  await activity(1).getByLabel("How well can you do it today? (0 to 10)").selectOption("3");
  await activity(2).getByLabel("What is it?").fill("Sit through a film");
  await activity(2).getByLabel("How well can you do it today? (0 to 10)").selectOption("6");
  await p.getByRole("button", { name: "Send my answers" }).click();
  await expect(p.getByText("Thank you. Your answers are saved.")).toBeVisible();
  await expect(p.getByRole("button", { name: "Send my answers" })).toHaveCount(0);
  expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await patient.close();

  await page.goto(`/patients/${patientId}`);
  await expect(page.getByRole("heading", { name: "Patient-Specific Functional Scale" })).toBeVisible();
  await expect(page.getByText(/Latest: 4\.5 of 10/)).toBeVisible();
});

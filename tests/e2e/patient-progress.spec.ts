import { addDays, formatDateMedium } from "@/lib/calendar-date";
import { adminState } from "./accounts";
import { addFromLibrary, addPatient, addPlan, clinicToday, expect, test, unique } from "./fixtures";

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

test("before the start: the phone names each walk; an early tick and a high pain score show at the top of the plan and on the patient list; the link length covers the plan", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const name = unique("Bea Before");
  const patientId = await addPatient(page, name);
  const today = clinicToday();
  // Four weeks from 3 days ahead: the plan's last day is 30 days from today.
  const planId = await addPlan(page, patientId, "Two walks", 4, addDays(today, 3));
  await addFromLibrary(page, "steady walk", /steady daily walk/);
  await addFromLibrary(page, "sitting-break", /sitting-break walk/);
  await page.getByRole("button", { name: "Make active" }).click();
  await expect(page.locator(".badge.active")).toHaveText("Active");
  await page.getByRole("link", { name: "Share with patient" }).click();

  // The default covers the plan to its end and a week: 30 + 1 + 7 days.
  const length = page.getByLabel("The link works for");
  await expect(length).toHaveValue("38");
  await expect(length.locator("option:checked")).toHaveText("38 days (to the end of the plan and a week)");
  await length.selectOption("7");
  await expect(page.getByText(/This link stops on .*, before the plan ends\./)).toBeVisible();
  await page.getByRole("button", { name: "Make a link" }).click();
  await expect(page.getByText("That is before the plan ends: the patient will need a new link then.")).toBeVisible();
  const row = page
    .getByRole("row")
    .filter({ hasText: formatDateMedium(today) })
    .first();
  await expect(row).toContainText("Ends before the plan does");

  // Copy sits beside the link, which stays plain selectable text.
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const url = await page.getByLabel("Link", { exact: true }).inputValue();
  await page.getByRole("button", { name: "Copy the link" }).click();
  await expect(page.getByText("Copied", { exact: true })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);

  const patient = await browser.newContext({ ...phone, baseURL, javaScriptEnabled: false, storageState: { cookies: [], origins: [] } });
  const p = await patient.newPage();
  await p.goto(url);
  await expect(p.getByText(/^Steady daily walk, your first walks: \d+ minutes/)).toBeVisible();
  await expect(p.getByText(/^Sitting-break walk, your first walks: \d+ minutes/)).toBeVisible();
  await p.getByRole("button", { name: "I did Steady daily walk today" }).click();
  await expect(p.getByText("Well done. It is ticked off for today.")).toBeVisible();
  await p.getByLabel("8", { exact: true }).check();
  await p.getByRole("button", { name: "Save my pain score" }).click();
  await expect(p.getByRole("heading", { name: /Pain of 8 is high/ })).toBeVisible();
  await patient.close();

  await page.goto(`/plans/${planId}`);
  const glance = page.getByRole("region", { name: "Progress at a glance" });
  await expect(glance).toContainText("Pain 7+ this week");
  await expect(glance).toContainText("Latest pain 8 of 10");
  await expect(page.getByRole("row", { name: /Before the start/ })).toContainText("1 tick");

  await page.goto(`/patients?q=${encodeURIComponent(name)}`);
  const listed = page.getByRole("row", { name: new RegExp(name) });
  await expect(listed).toContainText("Pain 7+ this week");
  await expect(listed).toContainText("Latest pain 8 of 10");
});

test("the plan editor's, the new-plan form's and the share form's fields wait for the page to be ready instead of dropping what was typed", async ({
  page,
  browser,
  baseURL,
}) => {
  const patientId = await addPatient(page, unique("Hana Hydrate"));
  const planId = await addPlan(page, patientId, "Ready first");
  // Server HTML alone (no JavaScript): nothing can be typed that hydration would then reset.
  const noJs = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: adminState });
  const raw = await noJs.newPage();
  await raw.goto(`/plans/${planId}`);
  await expect(raw.getByLabel("Plan title")).toBeDisabled();
  await expect(raw.getByLabel("Search the library")).toBeDisabled();
  // The new-plan form (template, dates, quick picks) and the share form's link length follow React state too.
  await raw.goto(`/patients/${patientId}/plans/new`);
  await expect(raw.getByLabel("Start from")).toBeDisabled();
  await expect(raw.getByRole("button", { name: "Today" })).toBeDisabled();
  await expect(raw.getByRole("button", { name: "Create plan" })).toBeDisabled();
  await raw.goto(`/plans/${planId}/share`);
  await expect(raw.getByLabel("The link works for")).toBeDisabled();
  await expect(raw.getByRole("button", { name: "Make a link" })).toBeDisabled();
  await noJs.close();
  // Once hydrated, they work and keep what is typed.
  await page.goto(`/plans/${planId}`);
  await page.getByLabel("Plan title").fill("Ready first, renamed");
  await page.getByLabel("Plan title").blur();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
});

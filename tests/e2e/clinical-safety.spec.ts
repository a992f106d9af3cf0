import { and, eq } from "drizzle-orm";
import { openDatabase } from "@/db";
import { auditEvents, clinicSettings } from "@/db/schema";
import { todayIn } from "@/lib/calendar-date";
import { E2E_DB } from "./accounts";
import type { Page } from "@playwright/test";
import { addFromLibrary, addPatient, addPlan, expect, patientIdFromUrl, retireLibraryEntry, test, unique } from "./fixtures";

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

/** A patient made through the form with the given precautions ticked; returns the id. */
async function addPatientWith(page: Page, name: string, precautions: string[]) {
  await page.goto("/patients/new");
  await page.getByLabel("Full name").fill(name);
  for (const label of precautions) await page.getByLabel(label).check();
  await page.getByRole("button", { name: "Save patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return patientIdFromUrl(page);
}

test("the patient form keeps structured precautions, and a custom entry's precaution warns in the editor", async ({ page }) => {
  const name = unique("Grace Precaution");
  await page.goto("/patients/new");
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Pregnancy").check();
  await page.getByLabel("Heart condition").check();
  await page.getByLabel("Recent spine surgery").check();
  await page.getByRole("button", { name: "Save patient" }).click();
  // Spine surgery without its date is refused next to the field, and what was ticked stays ticked.
  await expect(page.getByText("Give the date of the spine surgery.")).toBeVisible();
  await expect(page.getByLabel("Pregnancy")).toBeChecked();
  await page.getByLabel("Recent spine surgery").uncheck();
  await page.getByLabel("Other precautions (optional)").fill("No lifting over 5 kg");
  await page.getByRole("button", { name: "Save patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const details = page.locator("dl.facts");
  await expect(details).toContainText("Pregnancy");
  await expect(details).toContainText("Heart condition");
  await expect(details).toContainText("No lifting over 5 kg");
  const patientId = await patientIdFromUrl(page);

  // A clinic's own entry names the precaution it conflicts with.
  const custom = unique("Deep squat hold");
  await page.goto("/library/new");
  await page.getByLabel("Name").fill(custom);
  await page.getByLabel("Hips").check();
  await page.getByLabel("Steps, one per line").fill("Squat low and hold.");
  await page
    .getByRole("group", { name: /Not safe without a check/ })
    .getByLabel("Heart condition")
    .check();
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.locator(".conflict-note")).toHaveText("Check first for patients with: Heart condition");
  await expect(page).toHaveURL(/\/library\/\d+$/);
  const customUrl = page.url();

  await addPlan(page, patientId, "Careful start");
  const squat = await addFromLibrary(page, custom, new RegExp(custom));
  await expect(squat.getByRole("group", { name: /Precaution warning/ })).toContainText("Heart condition: hard efforts and breath holding");
  await retireLibraryEntry(page, customUrl);
});

test("a conflicting item warns on the item; keeping it is confirmed, stored and audited; walks grow gently for a heart condition", async ({
  page,
}) => {
  const patientId = await addPatientWith(page, unique("Hana Heart"), ["Pregnancy", "Heart condition"]);
  const planId = await addPlan(page, patientId, "Careful start");
  const press = await addFromLibrary(page, "press-up", /prone press-up/);
  const warning = press.getByRole("group", { name: /Precaution warning/ });
  // On the item itself, in words, not folded away.
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("Pregnancy: lying flat on the back after about 20 weeks");
  await warning.getByRole("button", { name: /Keep it: I have checked/ }).click();
  await expect(press.getByText("Kept after a check for: pregnancy.")).toBeVisible();
  // The note shows at once (optimistic): reload only once the server has recorded the check.
  await expect(page.getByText("Kept on the plan. Your confirmation is recorded.")).toBeAttached();
  await page.reload();
  const pressAgain = page.locator("ol.items > li").filter({ has: page.getByRole("heading", { name: /Prone press-up/ }) });
  await expect(pressAgain.getByText("Kept after a check for: pregnancy.")).toBeVisible();
  await expect(pressAgain.getByRole("group", { name: /Precaution warning/ })).toHaveCount(0);

  const db = openDatabase(E2E_DB, { migrate: false });
  const audit = db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.planId, planId), eq(auditEvents.action, "plan.item.keep-despite-precaution")))
    .get();
  db.$client.close();
  expect(audit).toMatchObject({ outcome: "ok", patientId });

  // Heart condition: the library walk adds 2 minutes a week, and a bigger step is called out on the item.
  const walk = await addFromLibrary(page, "steady walk", /steady daily walk/);
  await expect(walk.getByLabel("Add each week (minutes)", { exact: true })).toHaveValue("2");
  await expect(walk.locator(".jump-warning")).toHaveCount(0);
  await walk.getByLabel("Add each week (minutes)", { exact: true }).fill("5");
  await walk.getByLabel("Add each week (minutes)", { exact: true }).press("Tab");
  await expect(walk.locator(".save-state")).toHaveText("Saved");
  await expect(walk.locator(".jump-warning")).toBeVisible();
  await expect(walk.locator(".jump-warning")).toContainText("week 2 (50 to 75)");

  // The handout: the walking rule and both urgent tiers.
  await page.goto(`/plans/${planId}/print`);
  await expect(page.getByText("Move up only if last week felt okay. After a flare-up, repeat the week.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /Call 911 or go to the emergency room now/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Stop and call us today/ })).toBeVisible();
  await expect(page.getByText("Clumsy hands.")).toHaveCount(0);
});

test("a pain score of 8 on the phone answers with both urgent tiers and a tap-to-call link", async ({ page, browser, baseURL }) => {
  const db = openDatabase(E2E_DB, { migrate: false });
  const tz = db.select({ tz: clinicSettings.timeZone }).from(clinicSettings).get()?.tz ?? "UTC";
  const phoneNumber = db.select({ phone: clinicSettings.phone }).from(clinicSettings).get()?.phone ?? "";
  db.$client.close();
  const patientId = await addPatient(page, unique("Pia Pain"));
  await addPlan(page, patientId, "Neck at home", 4, todayIn(tz));
  await addFromLibrary(page, "steady walk", /steady daily walk/);
  await addFromLibrary(page, "chin tuck", /chin tuck/);
  await page.getByRole("button", { name: "Make active" }).click();
  // Leave for the share page only once the plan is active, not while the change is on its way.
  await expect(page.locator(".badge.active")).toHaveText("Active");
  await page.getByRole("link", { name: "Share with patient" }).click();
  await page.getByRole("button", { name: "Make a link" }).click();
  const url = await page.getByLabel("Link", { exact: true }).inputValue();

  const patient = await browser.newContext({ ...phone, baseURL, javaScriptEnabled: false, storageState: { cookies: [], origins: [] } });
  const p = await patient.newPage();
  await p.goto(url);
  await expect(p.getByText("Move up only if last week felt okay. After a flare-up, repeat the week.")).toBeVisible();
  // A neck plan lists the neck signs in the "call us today" tier.
  await expect(p.locator("#urgent-call").locator("..")).toContainText("Clumsy hands.");
  await p.getByLabel("8", { exact: true }).check();
  await p.getByRole("button", { name: "Save my pain score" }).click();
  const alert = p.getByRole("alert").filter({ hasText: "Pain of 8 is high" });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole("heading", { name: /Call 911 or go to the emergency room now/ })).toBeVisible();
  await expect(alert.getByRole("heading", { name: /Stop and call us today/ })).toBeVisible();
  expect(phoneNumber).not.toBe("");
  await expect(alert.getByRole("link", { name: /Call .* now/ })).toHaveAttribute("href", `tel:${phoneNumber.replace(/[^0-9+]/g, "")}`);
  await expect(p.getByText("Thank you. Your pain score is saved.")).toHaveCount(0);

  // A lower score is thanked as before.
  await p.getByLabel("3", { exact: true }).check();
  await p.getByRole("button", { name: "Save my pain score" }).click();
  await expect(p.getByText("Thank you. Your pain score is saved.")).toBeVisible();
  await expect(p.getByText(/Pain of \d+ is high/)).toHaveCount(0);
  await patient.close();
});

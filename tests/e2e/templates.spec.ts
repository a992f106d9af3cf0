import type { Page } from "@playwright/test";
import { addPatient, addPlan, expect, test, unique } from "./fixtures";

/**
 * Counts the user actions a journey drives (each navigation, click, fill,
 * choice and key press), so the test fails if the journey grows past its
 * target.
 */
function actionCounter(page: Page) {
  let count = 0;
  const act = async <T>(step: () => Promise<T>) => {
    count += 1;
    return step();
  };
  return { act, count: () => count, page };
}

test("new patient, plan from a template, tailor one dose, issue: at most 10 actions", async ({ page }) => {
  test.setTimeout(90_000);
  const { act, count } = actionCounter(page);
  const name = unique("Tomas Template");
  await act(() => page.goto("/patients/new"));
  await act(() => page.getByLabel("Full name").fill(name));
  await act(() => page.getByRole("button", { name: "Save patient" }).click());
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await act(() => page.getByRole("link", { name: "New plan" }).click());
  // The start date is already the next working day: no typing.
  await expect(page.getByLabel("Start date")).not.toHaveValue("");
  await act(() => page.getByLabel("Start from").selectOption({ label: "Chronic low back pain: walking and core (6 weeks)" }));
  await act(() => page.getByRole("button", { name: "Create plan from template" }).click());
  await expect(page.getByRole("heading", { name: "Plan details" })).toBeVisible();
  await expect(page.locator("ol.items > li")).toHaveCount(8);
  await expect(page.getByText("Started from the template")).toBeVisible();

  const bridge = page.locator("ol.items > li").filter({ hasText: /glute bridge/i });
  await act(() => bridge.getByLabel("Reps", { exact: true }).fill("12"));
  await act(() => bridge.getByLabel("Reps", { exact: true }).press("Tab"));
  await expect(bridge.locator(".save-state")).toHaveText("Saved");
  await act(() => page.getByRole("button", { name: "Make active" }).click());
  await expect(page.getByText(/The patient has version 1/)).toBeVisible();

  expect(count()).toBeLessThanOrEqual(10);
  console.log(`Template journey: ${count()} user actions`);

  // The issued version holds the tailored dose.
  await page.reload();
  await expect(
    page
      .locator("ol.items > li")
      .filter({ hasText: /glute bridge/i })
      .getByLabel("Reps", { exact: true }),
  ).toHaveValue("12");
});

test("from scratch: tick several library entries and add them at once; focus stays in the picker", async ({ page }) => {
  const patientId = await addPatient(page, unique("Mira Multi"));
  await addPlan(page, patientId, "Stretches at home");
  await page.getByLabel("Search the library").fill("stretch");
  // Tick in the list for "stretch", not in the whole library it replaces.
  await expect(page.getByText(/^\d+ found$/)).toBeVisible();
  await page
    .getByRole("checkbox", { name: /^Tick .*hamstring stretch/i })
    .first()
    .check();
  await page
    .getByRole("checkbox", { name: /^Tick piriformis stretch/i })
    .first()
    .check();
  await page
    .getByRole("checkbox", { name: /^Tick .*hip flexor stretch/i })
    .first()
    .check();
  await page.getByRole("button", { name: "Add 3 items" }).click();
  await expect(page.locator("ol.items > li")).toHaveCount(3);
  await expect(page.getByLabel("Search the library")).toBeFocused();
  await expect(page.getByRole("button", { name: /^Add \d+ items?$/ })).toHaveCount(0);
});

test("keyboard only: search, arrow to a result, Enter adds it and focus stays in the search box", async ({ page }) => {
  const patientId = await addPatient(page, unique("Kai Keys"));
  await addPlan(page, patientId, "Core by keyboard");
  const search = page.getByLabel("Search the library");
  // The box takes focus only once the editor is ready; typed keys would otherwise go to the page.
  await expect(search).toBeEditable();
  await search.focus();
  await expect(search).toBeFocused();
  await page.keyboard.type("bird dog");
  await expect(page.getByRole("button", { name: /^Add bird dog/i }).first()).toBeVisible();
  // The list settles on what was typed (results for "b", "bi", ... show on the way), as a person would wait to see.
  await expect(page.getByText(/^\d+ found$/)).toBeVisible();
  await expect(page.getByRole("button", { name: /^Add / }).first()).toHaveAccessibleName(/^Add bird dog/i);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page.locator("ol.items > li")).toHaveCount(1);
  await expect(page.locator("ol.items > li").first()).toContainText(/bird dog/i);
  await expect(search).toBeFocused();
  // A second Enter on the same mark adds another, still from the search box.
  await page.keyboard.press("Enter");
  await expect(page.locator("ol.items > li")).toHaveCount(2);
  await expect(search).toBeFocused();
  // Clicking an Add button keeps focus on the page's controls, never the body.
  await page
    .getByRole("button", { name: /^Add bird dog/i })
    .first()
    .click();
  await expect(page.locator("ol.items > li")).toHaveCount(3);
  expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe("BODY");
});

test("save a plan as a template, edit it, duplicate it, retire it; the plan made from it still shows it", async ({ page }) => {
  const patientId = await addPatient(page, unique("Sam Save"));
  await page.goto(`/patients/${patientId}/plans/new`);
  await page.getByLabel("Start from").selectOption({ label: "Neck pain at the desk" });
  await page.getByRole("button", { name: "Today" }).click();
  await page.getByRole("button", { name: "Create plan from template" }).click();
  await expect(page.getByRole("heading", { name: "Plan details" })).toBeVisible();
  await expect(page).toHaveURL(/\/plans\/\d+$/);
  const planUrl = page.url();

  await page.getByRole("link", { name: "Save as template" }).click();
  const title = unique("My desk neck");
  await page.getByLabel("Template title").fill(title);
  await page.getByRole("button", { name: "Save as template" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page).toHaveURL(/\/templates\/\d+$/);
  await page.getByLabel("Guideline it follows").fill("JOSPT neck pain guideline (2017)");
  await page.getByRole("button", { name: "Save template details" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();

  const newPatient = await addPatient(page, unique("Ula Uses"));
  await page.goto(`/patients/${newPatient}/plans/new`);
  await page.getByLabel("Start from").selectOption({ label: title });
  await page.getByRole("button", { name: "Create plan from template" }).click();
  await expect(page.getByRole("heading", { name: "Plan details" })).toBeVisible();
  await expect(page).toHaveURL(/\/plans\/\d+$/);
  const fromMine = page.url();

  // The plan made from the template carries the same title, so wait for the template's own page.
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(/\/templates\/\d+$/);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Retire" }).click();
  await expect(page.getByText("This template is retired")).toBeVisible();
  await page.goto(fromMine);
  await expect(page.getByText(`Started from the template ${title} (now retired).`)).toBeVisible();
  await page.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(/\/templates\/\d+$/);
  const retiredUrl = page.url();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page).not.toHaveURL(retiredUrl);
  await expect(page).toHaveURL(/\/templates\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: `${title} (copy)` })).toBeVisible();
  await expect(page.getByText("This template is retired")).toHaveCount(0);
  expect(planUrl).not.toBe(fromMine);
});

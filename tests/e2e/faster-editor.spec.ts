import type { Locator, Page } from "@playwright/test";
import { addFromLibrary, addPatient, addPlan, expect, test, unique } from "./fixtures";

/** Counts the user actions a journey drives (navigation, click, fill, tick, key press), like templates.spec.ts. */
function actionCounter() {
  let count = 0;
  const act = async <T>(step: () => Promise<T>) => {
    count += 1;
    return step();
  };
  return { act, count: () => count };
}

const card = (page: Page, name: RegExp) => page.locator("ol.items > li").filter({ has: page.getByRole("heading", { name }) });

test("the issue's plan from scratch (new patient, walk, sitting breaks, 3 stretches, 2 core, visits, footwear), issued: at most 18 actions", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { act, count } = actionCounter();
  const started = Date.now();
  const name = unique("Farah Scratch");

  await act(() => page.goto("/patients/new"));
  await act(() => page.getByLabel("Full name").fill(name));
  await act(() => page.getByRole("button", { name: "Save patient" }).click());
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await act(() => page.getByRole("link", { name: "New plan" }).click());
  // The start date is the next working day and an empty title becomes "Home program": no typing.
  await act(() => page.getByRole("button", { name: "Create plan" }).click());
  await expect(page.getByRole("heading", { name: "Plan details" })).toBeVisible();
  await expect(page.getByLabel("Plan title")).toHaveValue("Home program");

  // Nine entries ticked from the whole library, then one "Add 9 items".
  await expect(page.getByText(/^\d+ found$/)).toBeVisible();
  const entries = [
    /^Tick steady daily walk$/i,
    /^Tick sitting-break walk$/i,
    /^Tick knee-to-chest stretch$/i,
    /^Tick piriformis stretch/i,
    /^Tick lying hamstring stretch/i,
    /^Tick glute bridge$/i,
    /^Tick bird dog$/i,
    /^Tick chiropractic adjustment$/i,
    /^Tick supportive footwear$/i,
  ];
  for (const entry of entries) await act(() => page.getByRole("checkbox", { name: entry }).check());
  await act(() => page.getByRole("button", { name: "Add 9 items" }).click());
  await expect(page.locator("ol.items > li")).toHaveCount(9);

  // The walk already grows 10 -> 30 minutes and the sitting break is an interval: no typing.
  await expect(card(page, /steady daily walk/i).locator(".dose-words")).toContainText("Add 5 minutes each week, up to 30 minutes.");
  await expect(card(page, /sitting-break walk/i).locator(".dose-words")).toContainText("every 30 minutes while you sit");

  // The visits in one line, starting from the library's pattern.
  const visits = card(page, /chiropractic adjustment/i);
  const pattern = visits.getByLabel("Visit pattern");
  await expect(pattern).toHaveValue("3 a week for 2 weeks, then 2 a week for 2 weeks");
  await act(() => pattern.fill("3 a week for 2 weeks, then weekly for 4 weeks"));
  await act(() => pattern.press("Enter"));
  await expect(visits.locator(".save-state")).toHaveText("Saved");
  await expect(pattern).toHaveValue("3 a week for 2 weeks, then 1 a week for 4 weeks");
  await expect(visits.locator(".dose-words")).toHaveText("Come in 3 times a week for 2 weeks, then once a week for 4 weeks.");
  await expect(visits.getByText("10 dated visits")).toBeVisible();

  // Given to the patient: version 1.
  await act(() => page.getByRole("button", { name: "Make active" }).click());
  await expect(page.getByText(/The patient has version 1/)).toBeVisible();

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`From-scratch journey: ${count()} user actions, ${seconds} s`);
  expect(count()).toBeLessThanOrEqual(18);
});

async function saveField(item: Locator, label: string, value: string) {
  const input = item.getByLabel(label, { exact: true });
  await input.fill(value);
  await input.press("Tab");
}

test("a refused value goes back to the saved one, and a fixed value clears its message", async ({ page }) => {
  const patientId = await addPatient(page, unique("Rafa Refused"));
  await addPlan(page, patientId, "Refusal checks");
  const bridge = await addFromLibrary(page, "bridge", /glute bridge/);
  const reps = bridge.getByLabel("Reps", { exact: true });
  const saved = await reps.inputValue();
  // The field's bounds come from the dose schema the server checks with.
  await expect(reps).toHaveAttribute("max", "100");
  await expect(reps).toHaveAttribute("min", "1");

  await saveField(bridge, "Reps", "500");
  await expect(bridge.getByText("Reps can be at most 100.")).toBeVisible();
  await expect(reps).toHaveValue(saved);
  // A second bad value does not stay in the field either.
  await saveField(bridge, "Reps", "0");
  await expect(bridge.getByText("Reps must be at least 1.")).toBeVisible();
  await expect(reps).toHaveValue(saved);
  // Typing a good value clears the message at once; leaving the field saves it.
  await reps.fill("14");
  await expect(bridge.getByText(/Reps must be at least 1/)).toHaveCount(0);
  await reps.press("Tab");
  await expect(bridge.locator(".save-state")).toHaveText("Saved");
  await page.reload();
  await expect(card(page, /glute bridge/i).getByLabel("Reps", { exact: true })).toHaveValue("14");

  // The plan header: an empty title is refused, the saved title comes back, and the message goes once fixed.
  const title = page.getByLabel("Plan title");
  await title.fill("");
  await title.press("Tab");
  await expect(page.getByText("Title is required.")).toBeVisible();
  await expect(title).toHaveValue("Refusal checks");
  await title.fill("Refusal checks, take two");
  await expect(page.getByText("Title is required.")).toHaveCount(0);
  await title.press("Tab");
  await expect(page.getByText("Plan details saved.")).toBeAttached();

  // A visit pattern that cannot be read is not kept either.
  const visits = await addFromLibrary(page, "chiropractic", /chiropractic adjustment/);
  const pattern = visits.getByLabel("Visit pattern");
  const before = await pattern.inputValue();
  await pattern.fill("3 a week for 2 weeks, then 1 a week");
  await pattern.press("Enter");
  await expect(visits.getByText(/"1 a week" needs two whole numbers/)).toBeVisible();
  await expect(pattern).toHaveValue(before);
});

test("a therapist saves their usual dose for an entry, and sets days per week for all exercises at once", async ({ page }) => {
  const patientId = await addPatient(page, unique("Uma Usual"));
  await addPlan(page, patientId, "Usual doses");
  // An entry no other test adds: the usual dose belongs to the shared test therapist, and tests run in parallel.
  const chestStretch = await addFromLibrary(page, "doorway", /doorway chest stretch/);
  await saveField(chestStretch, "Hold (seconds)", "40");
  await expect(chestStretch.locator(".save-state")).toHaveText("Saved");
  await chestStretch.getByRole("button", { name: /Save as my usual dose/ }).click();
  await expect(chestStretch.getByText("Saved as your usual dose for Doorway chest stretch.")).toBeVisible();

  // A later plan starts from it.
  await addPlan(page, patientId, "Usual doses, later");
  const again = await addFromLibrary(page, "doorway", /doorway chest stretch/);
  await expect(again.getByLabel("Hold (seconds)")).toHaveValue("40");
  await expect(again.getByText(/Your usual dose: .*40 seconds/)).toBeVisible();

  // Forgotten, the next plan starts from the library's dose again.
  await again.getByRole("button", { name: /Forget my usual dose/ }).click();
  await expect(again.getByText("Your usual dose for Doorway chest stretch is forgotten", { exact: false })).toBeVisible();
  await expect(again.getByText(/Your usual dose:/)).toHaveCount(0);
  await expect(again.getByRole("button", { name: /Forget my usual dose/ })).toHaveCount(0);
  await addPlan(page, patientId, "Usual doses, forgotten");
  const fresh = await addFromLibrary(page, "doorway", /doorway chest stretch/);
  await expect(fresh.getByLabel("Hold (seconds)")).not.toHaveValue("40");

  // Days per week for every exercise in one change; the walk keeps its own days.
  const bridge = await addFromLibrary(page, "bridge", /glute bridge/);
  const walk = await addFromLibrary(page, "steady walk", /steady daily walk/);
  const walkDays = await walk.getByLabel("Days per week", { exact: true }).inputValue();
  await saveField(bridge, "Days per week", "4");
  await expect(bridge.locator(".save-state")).toHaveText("Saved");
  await bridge.getByRole("button", { name: /Apply 4 days a week to all exercises/ }).click();
  await expect(page.getByText("Days per week set for all exercises.")).toBeAttached();
  await page.reload();
  await expect(card(page, /doorway chest stretch/i).getByLabel("Days per week", { exact: true })).toHaveValue("4");
  await expect(card(page, /glute bridge/i).getByLabel("Days per week", { exact: true })).toHaveValue("4");
  await expect(card(page, /steady daily walk/i).getByLabel("Days per week", { exact: true })).toHaveValue(walkDays);
});

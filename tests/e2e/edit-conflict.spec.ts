import { addFromLibrary, addPatient, addPlan, expect, test, unique } from "./fixtures";

test("two staff change the same dose at once: the second is told, sees the first's values, and nothing is lost", async ({ page, browser }) => {
  const patientId = await addPatient(page, unique("Conflict Patient"));
  const planId = await addPlan(page, patientId, "Shared plan");
  const card = await addFromLibrary(page, "bridge", /glute bridge/);

  // A second staff member opens the same plan in another browser.
  const other = await browser.newContext({ storageState: "tests/.tmp/admin-state.json", baseURL: test.info().project.use.baseURL });
  const page2 = await other.newPage();
  await page2.goto(`/plans/${planId}`);
  const card2 = page2.locator("ol.items > li").first();
  await expect(card2.getByLabel("Reps", { exact: true })).toBeVisible();

  await card.getByLabel("Reps", { exact: true }).fill("15");
  await card.getByLabel("Reps", { exact: true }).press("Tab");
  await expect(card.locator(".save-state")).toHaveText("Saved");

  // The second still sees the old dose and changes another field of it.
  await card2.getByLabel("Sets", { exact: true }).fill("3");
  await card2.getByLabel("Sets", { exact: true }).press("Tab");
  await expect(card2.locator(".save-state")).toContainText("Someone else changed this dose");
  await expect(card2.getByLabel("Reps", { exact: true })).toHaveValue("15");

  // Making the change again from the values now shown keeps both.
  await card2.getByLabel("Sets", { exact: true }).fill("3");
  await card2.getByLabel("Sets", { exact: true }).press("Tab");
  await expect(card2.locator(".save-state")).toHaveText("Saved");
  await page.reload();
  await expect(page.locator("ol.items > li").first().getByLabel("Reps", { exact: true })).toHaveValue("15");
  await expect(page.locator("ol.items > li").first().getByLabel("Sets", { exact: true })).toHaveValue("3");
  await other.close();
});

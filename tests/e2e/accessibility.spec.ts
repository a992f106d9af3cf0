import AxeBuilder from "@axe-core/playwright";
import { addFromLibrary, addPatient, addPlan, expect, test, unique } from "./fixtures";

test("every page passes an axe scan with no serious or critical violations", async ({ page }) => {
  // Sixteen pages, each loaded and scanned: more than the default minute on a busy 2-core machine.
  test.setTimeout(180_000);
  const patientId = await addPatient(page, unique("Axel Scan"));
  const planId = await addPlan(page, patientId, "Scan plan");
  await addFromLibrary(page, "steady walk", /steady daily walk/);
  await addFromLibrary(page, "chiropractic", /chiropractic adjustment/);
  await addFromLibrary(page, "bridge", /glute bridge/);

  await page.goto("/library/new");
  await page.getByLabel("Name").fill(unique("Scan custom"));
  await page.getByLabel("Neck").check();
  await page.getByLabel("Steps, one per line").fill("Sit tall.");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByRole("link", { name: "Edit" })).toBeVisible();
  const customEntry = new URL(page.url()).pathname;

  const pages = [
    "/patients",
    "/patients?archived=1",
    "/patients/new",
    `/patients/${patientId}`,
    `/patients/${patientId}/edit`,
    `/patients/${patientId}/plans/new`,
    `/plans/${planId}`,
    `/plans/${planId}/copy?q=Axel`,
    `/plans/${planId}/print`,
    `/plans/${planId}/versions`,
    `/patients/${patientId}/plans/import`,
    "/library",
    "/library/new",
    customEntry,
    `${customEntry}/edit`,
    "/no-such-page",
  ];
  for (const url of pages) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${url}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  }
});

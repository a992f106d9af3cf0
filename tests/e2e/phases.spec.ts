import { seriousViolations } from "./axe";
import { addFromLibrary, addPatient, addPlan, clinicToday, expect, test, unique } from "./fixtures";

test("a therapist adds two phases, moves items into them, issues, and the handout and the phone page show the phases", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const patientId = await addPatient(page, unique("Petra Phases"));
  const planId = await addPlan(page, patientId, "Strong again in stages", 4, clinicToday());
  await addFromLibrary(page, "steady walk", /steady daily walk/);
  await addFromLibrary(page, "plank", /front plank on knees/);
  await addFromLibrary(page, "bird dog", /bird dog/);

  // Two phases, added from the keyboard; an overlap is refused next to the field and nothing is saved.
  const phases = page.getByRole("region", { name: "Phases" });
  await expect(phases.getByText("This plan has no phases.")).toBeVisible();
  await phases.getByRole("button", { name: "New phase" }).focus();
  await page.keyboard.press("Enter");
  await phases.getByLabel("Phase 1 name").fill("Settle the pain");
  await phases.getByLabel("Phase 1 last week").fill("2");
  await phases.getByRole("button", { name: "New phase" }).press("Enter");
  await phases.getByLabel("Phase 2 name").fill("Build strength");
  await phases.getByLabel("Phase 2 first week").fill("2");
  await phases.getByLabel("Phase 2 last week").fill("4");
  await phases.getByRole("button", { name: "Save phases" }).click();
  await expect(phases.getByText("Build strength must start after Settle the pain ends (week 2)")).toBeVisible();
  await expect(phases.getByLabel("Phase 2 first week")).toHaveAttribute("aria-invalid", "true");
  await phases.getByLabel("Phase 2 first week").fill("3");
  await phases.getByRole("button", { name: "Save phases" }).click();
  await expect(phases.locator(".save-state")).toHaveText("Phases saved.");

  // Each exercise goes to its phase; the editor groups the items under the phases.
  const plank = page.locator("ol.items > li").filter({ hasText: "Front plank on knees" });
  // Each choice saves at once (a server action POST); waiting for it keeps the reload below from cutting it off.
  const saved = () => page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/plans/${planId}`) && r.ok());
  await Promise.all([saved(), plank.getByLabel("Phase", { exact: true }).selectOption({ label: "Settle the pain (weeks 1-2)" })]);
  const birdDog = page.locator("ol.items > li").filter({ hasText: "Bird dog" });
  await Promise.all([saved(), birdDog.getByLabel("Phase", { exact: true }).selectOption({ label: "Build strength (weeks 3-4)" })]);
  await expect(page.getByRole("list", { name: "Build strength (weeks 3-4)" })).toContainText("Bird dog");
  await expect(page.getByRole("list", { name: "Settle the pain (weeks 1-2)" })).toContainText("Front plank on knees");
  await expect(page.getByRole("list", { name: "Whole plan (every week)" })).toContainText("Steady daily walk");
  // A walk runs over the whole plan: it has no phase menu.
  await expect(page.locator("ol.items > li").filter({ hasText: "Steady daily walk" }).getByLabel("Phase", { exact: true })).toHaveCount(0);
  // Saved on the server, not only on screen.
  await page.reload();
  await expect(page.getByRole("list", { name: "Build strength (weeks 3-4)" })).toContainText("Bird dog");

  const found = await seriousViolations(page, "plan editor with phases");

  await page.getByRole("button", { name: "Make active" }).click();
  await expect(page.getByText(/The patient has version 1, given on/)).toBeVisible();

  // The handout prints the phases in order with their weeks, each with its own exercises.
  await page.goto(`/plans/${planId}/print`);
  const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
  const settleAt = headings.indexOf("Weeks 1-2: Settle the pain");
  const buildAt = headings.indexOf("Weeks 3-4: Build strength");
  expect(settleAt).toBeGreaterThan(-1);
  expect(buildAt).toBeGreaterThan(settleAt);
  await expect(page.getByRole("region", { name: "Weeks 1-2: Settle the pain" })).toContainText("Front plank on knees");
  await expect(page.getByRole("region", { name: "Weeks 1-2: Settle the pain" })).not.toContainText("Bird dog");
  await expect(page.getByRole("region", { name: "Weeks 3-4: Build strength" })).toContainText("Bird dog");
  // The diary asks for bird dog only in weeks 3-4.
  await expect(page.getByLabel("Bird dog: not in week 1")).toBeVisible();
  await expect(page.getByLabel(/^Bird dog, week 3: \d boxes$/)).toBeVisible();
  found.push(...(await seriousViolations(page, "handout with phases")));

  // The phone page: the current phase, what comes next, and only this phase's exercises to tick.
  await page.goto(`/plans/${planId}/share`);
  await page.getByRole("button", { name: "Make a link" }).click();
  const url = await page.getByLabel("Link", { exact: true }).inputValue();
  const patient = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: { cookies: [], origins: [] } });
  const p = await patient.newPage();
  await p.goto(url);
  const now = p.getByRole("region", { name: "This phase: Settle the pain" });
  await expect(now).toContainText("Weeks 1-2 of your plan.");
  await expect(now).toContainText("Next, from week 3: Build strength");
  await expect(now).toContainText("New: Bird dog");
  await expect(now).toContainText("You can stop: Front plank on knees");
  await expect(p.getByRole("button", { name: "I did Front plank on knees today" })).toBeVisible();
  await expect(p.getByRole("button", { name: /I did Steady daily walk today/ })).toBeVisible();
  await expect(p.getByRole("button", { name: "I did Bird dog today" })).toHaveCount(0);
  await patient.close();
  // axe runs as a script, so the phone page is scanned in a browser with JavaScript on.
  const scanner = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const sp = await scanner.newPage();
  await sp.goto(url);
  found.push(...(await seriousViolations(sp, "phone page with phases")));
  await scanner.close();
  expect(found).toEqual([]);
});

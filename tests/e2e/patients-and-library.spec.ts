import { addPatient, addPlan, addFromLibrary, expect, retireLibraryEntry, test, unique } from "./fixtures";

test("patients: required name, search, edit, archive and restore", async ({ page }) => {
  await page.goto("/patients/new");
  await page.getByLabel("Email (optional)").fill("not-an-email");
  await page.getByRole("button", { name: "Save patient" }).click();
  await expect(page.getByLabel("Full name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#f-name-error")).toHaveText("Name is required.");
  await expect(page.locator("#f-email-error")).toContainText("email address");
  // What was typed survives the refusal.
  await expect(page.getByLabel("Email (optional)")).toHaveValue("not-an-email");

  const name = unique("Agnes Thornbury");
  const id = await addPatient(page, name);
  await page.goto(`/patients?q=${encodeURIComponent(name.split(" ")[1])}`);
  await expect(page.getByRole("link", { name })).toBeVisible();

  await page.goto(`/patients/${id}/edit`);
  await page.getByLabel("Condition summary (optional)").fill("Neck pain after a car accident");
  await page.getByRole("button", { name: "Save changes" }).click();
  // Back on the patient's page (the edit form is at .../edit) before acting on it.
  await expect(page).toHaveURL(new RegExp(`/patients/${id}$`));
  await expect(page.getByText("Neck pain after a car accident")).toBeVisible();

  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Archive patient" }).click();
  await expect(page.getByText("Archived", { exact: true })).toBeVisible();
  await page.goto(`/patients?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("link", { name })).toHaveCount(0);
  await page.goto(`/patients?archived=1&q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/patients/${id}$`));
  await page.getByRole("button", { name: "Restore patient" }).click();
  await expect(page.getByRole("link", { name: "New plan" })).toBeVisible();
});

test("plans: status changes, duplicate, and copy to another patient", async ({ page }) => {
  const first = await addPatient(page, unique("Ines Calloway"));
  const secondName = unique("Otto Verhoeven");
  await addPatient(page, secondName);
  const planId = await addPlan(page, first, "Core basics", 4);
  await addFromLibrary(page, "bird dog", /bird dog/);
  // Precautions belong to this patient: a copy for the same patient keeps them, a copy for another does not.
  const precautions = page.getByLabel("Precautions and red flags for this patient");
  await precautions.fill("Recent spinal fusion: no twisting");
  await precautions.press("Tab");
  await expect(page.getByRole("region", { name: "Plan details" }).locator(".save-state")).toHaveText("Saved");
  await page.reload();
  await expect(precautions).toHaveValue("Recent spinal fusion: no twisting");

  await page.getByRole("button", { name: "Make active" }).click();
  await expect(page.locator(".badge.active")).toHaveText("Active");

  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page).not.toHaveURL(new RegExp(`/plans/${planId}$`));
  await expect(page.locator(".badge.draft")).toHaveText("Draft");
  await expect(page.locator("ol.items > li h3")).toHaveText([/bird dog/i]);
  await expect(precautions).toHaveValue("Recent spinal fusion: no twisting");

  await page.goto(`/plans/${planId}/copy`);
  await page.getByLabel("Find the patient by name").fill(secondName);
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByRole("button", { name: `Copy to ${secondName}` }).click();
  // The copy is a new plan: its own address, not the copy page's.
  await expect(page).toHaveURL(/\/plans\/\d+$/);
  await expect(page).not.toHaveURL(new RegExp(`/plans/${planId}$`));
  await expect(page.getByRole("link", { name: secondName })).toBeVisible();
  await expect(page.locator("ol.items > li h3")).toHaveText([/bird dog/i]);
  await expect(precautions).toHaveValue("");
});

test("library: filter, and a custom entry added, used in a plan, and retired", async ({ page }) => {
  await page.goto("/library?region=neck");
  await expect(page.getByRole("link", { name: "Chin tuck" })).toBeVisible();
  await expect(page.getByRole("link", { name: /glute bridge/i })).toHaveCount(0);

  await page.goto("/library/new");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.locator("#f-name-error")).toHaveText("Name is required.");
  await expect(page.locator("#regions-error")).toHaveText("Choose at least one body region.");

  const name = unique("Towel shoulder roll");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Category").selectOption("mobility");
  await page.getByLabel("Shoulders").check();
  await page.getByLabel("Steps, one per line").fill("Sit tall.\nRoll your shoulders back slowly.");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(/\/library\/\d+$/);
  const entryUrl = page.url();

  const patientId = await addPatient(page, unique("Custom user"));
  await addPlan(page, patientId, "Shoulders");
  await addFromLibrary(page, name.split(" ").slice(-1)[0], new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));

  await retireLibraryEntry(page, entryUrl);
  await page.goto(`/library?q=${encodeURIComponent(name)}`);
  await expect(page.getByText("0 entries")).toBeVisible();
});

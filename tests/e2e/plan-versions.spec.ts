import { extractText, getDocumentProxy } from "unpdf";
import { addFromLibrary, addPatient, addPlan, expect, test, unique } from "./fixtures";

async function pdfText(pdf: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text.replace(/\s+/g, " ");
}

async function saveField(card: import("@playwright/test").Locator, label: string, value: string) {
  const input = card.getByLabel(label, { exact: true });
  if ((await input.inputValue()) === value) return;
  await input.fill(value);
  await input.press("Tab");
  await expect(card.locator(".save-state")).toHaveText("Saved");
}

test("a therapist issues a plan, changes two doses, issues again, reads both changes in the history, reprints v1, and the patient's link shows v2", async ({
  page,
  browser,
  baseURL,
}) => {
  const patientId = await addPatient(page, unique("Vera Versions"));
  const planId = await addPlan(page, patientId, "Back in the garden");
  const bridge = await addFromLibrary(page, "bridge", /glute bridge/);
  await saveField(bridge, "Sets", "2");
  await saveField(bridge, "Reps", "10");
  const knee = await addFromLibrary(page, "knee-to-chest", /knee-to-chest stretch/);
  await saveField(knee, "Hold (seconds)", "30");
  await expect(page.getByText("Not yet given to the patient.")).toBeVisible();

  // Making it active issues version 1.
  await page.getByRole("button", { name: "Make active" }).click();
  await expect(page.getByText(/The patient has version 1, given on/)).toBeVisible();

  // Two dose changes are a draft of version 2 until issued.
  await saveField(bridge, "Reps", "12");
  await saveField(knee, "Hold (seconds)", "45");
  await page.reload();
  await expect(page.getByText("Changes not yet given to the patient.")).toBeVisible();
  await page.getByRole("button", { name: "Issue changes" }).click();
  await expect(page.getByText(/The patient has version 2, given on/)).toBeVisible();
  // A second click has nothing new to issue.
  await expect(page.getByRole("button", { name: "Issue changes" })).toHaveCount(0);

  await page.getByRole("link", { name: "Version history" }).click();
  const v2 = page.getByRole("region", { name: "Version 2" });
  await expect(v2).toContainText("Glute bridge: reps 10 → 12");
  await expect(v2).toContainText("Knee-to-chest stretch: hold 30 s → 45 s");
  await expect(page.getByRole("region", { name: "Version 1" })).toContainText("First version given to the patient");
  await page.getByLabel("From version").selectOption("1");
  await page.getByLabel("to version").selectOption("2");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("status").filter({ hasText: "From version 1 to version 2" })).toContainText("Knee-to-chest stretch: hold 30 s → 45 s");

  // Reprinting version 1 gives the old doses, exactly as handed out.
  await page.goto(`/plans/${planId}/print?version=1`);
  await page.emulateMedia({ media: "print" });
  const v1Text = await pdfText(await page.pdf({ format: "A4", printBackground: true }));
  expect(v1Text).toContain("Do 2 rounds of 10 repeats");
  expect(v1Text).toMatch(/each side\. Hold each for 30 seconds/);
  expect(v1Text).not.toContain("Do 2 rounds of 12 repeats");
  expect(v1Text).not.toContain("45 seconds");

  // The patient's link shows the newest issued version.
  await page.emulateMedia({ media: "screen" });
  await page.goto(`/plans/${planId}/share`);
  await page.getByRole("button", { name: "Make a link" }).click();
  const url = await page.getByLabel("Link", { exact: true }).inputValue();
  const patient = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: { cookies: [], origins: [] } });
  const p = await patient.newPage();
  await p.goto(url);
  await expect(p.getByRole("heading", { name: "Back in the garden" })).toBeVisible();
  await expect(p.locator("section.item").filter({ hasText: "Glute bridge" }).locator(".dose")).toHaveText(/^Do 2 rounds of 12 repeats/);
  await expect(p.locator("section.item").filter({ hasText: "Knee-to-chest stretch" }).locator(".dose")).toHaveText(
    /each side\. Hold each for 45 seconds/,
  );
  await patient.close();
});

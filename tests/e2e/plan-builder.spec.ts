import { extractText, getDocumentProxy } from "unpdf";
import { addFromLibrary, addPatient, addPlan, expect, test, unique } from "./fixtures";

async function pdfText(pdf: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text: pages, totalPages } = await extractText(doc, { mergePages: false });
  const clean = pages.map((p) => p.replace(/\s+/g, " "));
  return { text: clean.join(" "), pages: clean, totalPages };
}

/** Pages this test's handout prints on; measured on today's layout, so a change that loses or adds a page shows up here. */
const HANDOUT_PAGES = { A4: 3, Letter: 3 } as const;

async function saveField(card: import("@playwright/test").Locator, label: string, value: string) {
  const input = card.getByLabel(label, { exact: true });
  // Leaving a field unchanged saves nothing, so there is no "Saved" to wait for.
  if ((await input.inputValue()) === value) return;
  await input.fill(value);
  await input.press("Tab");
  await expect(card.locator(".save-state")).toHaveText("Saved");
}

test("a therapist builds a plan, reorders it by keyboard, reloads, and prints it", async ({ page }) => {
  const name = unique("Rosa Lindqvist");
  const patientId = await addPatient(page, name);
  const planId = await addPlan(page, patientId, "Walk the dog again");

  const walk = await addFromLibrary(page, "steady walk", /steady daily walk/);
  await saveField(walk, "Minutes per session", "10");
  await saveField(walk, "Add each week (minutes)", "5");
  await saveField(walk, "Longest walk (minutes)", "25");

  const bridge = await addFromLibrary(page, "bridge", /glute bridge/);
  await saveField(bridge, "Sets", "3");
  await saveField(bridge, "Reps", "12");
  await saveField(bridge, "Hold (seconds)", "");

  const chin = await addFromLibrary(page, "chin tuck", /chin tuck/);
  await saveField(chin, "Sets", "");
  await saveField(chin, "Reps", "10");
  await saveField(chin, "Hold (seconds)", "5");
  await saveField(chin, "Times per day", "3");
  await saveField(chin, "Days per week", "7");

  const visits = await addFromLibrary(page, "chiropractic", /chiropractic adjustment/);
  await saveField(visits, "Visit pattern", "3 a week for 2 weeks, then 2 a week for 4 weeks");

  const names = () => page.locator("ol.items > li h3").allInnerTexts();
  expect(await names()).toEqual([
    expect.stringMatching(/steady daily walk/i),
    expect.stringMatching(/bridge/i),
    expect.stringMatching(/chin tuck/i),
    expect.stringMatching(/chiropractic/i),
  ]);

  // Keyboard drag and drop: pick the chin tuck up with Space, move it up one place, drop it.
  await chin.getByRole("button", { name: /Drag to reorder/ }).focus();
  await page.keyboard.press("Space");
  await expect(page.getByText("Chin tuck is now at number 3 of 4.")).toBeAttached();
  await page.keyboard.press("ArrowUp");
  await expect(page.getByText("Chin tuck is now at number 2 of 4.")).toBeAttached();
  await page.keyboard.press("Space");
  await expect
    .poll(names)
    .toEqual([
      expect.stringMatching(/steady daily walk/i),
      expect.stringMatching(/chin tuck/i),
      expect.stringMatching(/bridge/i),
      expect.stringMatching(/chiropractic/i),
    ]);
  // The list moves at once (optimistic): the first move is saved before the second starts, so the
  // "New order saved." waited for below can only be the second one's.
  await expect(page.getByText("New order saved.")).toBeAttached();
  // And the plain buttons: the walk goes down one.
  const orderSaved = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith(`/plans/${planId}`) && r.ok());
  await page.getByRole("button", { name: /Move down steady daily walk/i }).click();
  await expect
    .poll(names)
    .toEqual([
      expect.stringMatching(/chin tuck/i),
      expect.stringMatching(/steady daily walk/i),
      expect.stringMatching(/bridge/i),
      expect.stringMatching(/chiropractic/i),
    ]);

  // The list moves at once (optimistic); reload only once the server has saved the order.
  await orderSaved;
  await expect(page.getByText("New order saved.")).toBeAttached();
  await page.reload();
  await expect
    .poll(names)
    .toEqual([
      expect.stringMatching(/chin tuck/i),
      expect.stringMatching(/steady daily walk/i),
      expect.stringMatching(/bridge/i),
      expect.stringMatching(/chiropractic/i),
    ]);
  const card = (re: RegExp) => page.locator("ol.items > li").filter({ has: page.getByRole("heading", { name: re }) });
  await expect(card(/bridge/i).getByLabel("Sets", { exact: true })).toHaveValue("3");
  await expect(card(/bridge/i).getByLabel("Reps", { exact: true })).toHaveValue("12");
  await expect(card(/chin tuck/i).getByLabel("Hold (seconds)")).toHaveValue("5");
  await expect(card(/steady daily walk/i).getByLabel("Longest walk (minutes)")).toHaveValue("25");
  await expect(card(/chiropractic/i).getByLabel("Visit pattern")).toHaveValue("3 a week for 2 weeks, then 2 a week for 4 weeks");

  // The print view, rendered to PDF on both paper sizes.
  await page.goto(`/plans/${planId}/print`);
  await page.emulateMedia({ media: "print" });
  for (const format of ["A4", "Letter"] as const) {
    const { text, pages, totalPages } = await pdfText(await page.pdf({ format, printBackground: true }));
    // Today's layout of this plan (four items, walking table, visits, diary, warning signs).
    expect(totalPages, format).toBe(HANDOUT_PAGES[format]);
    // A loose page still says whom to call: the clinic's name and phone are on every page.
    for (const [i, p] of pages.entries()) {
      expect(p, `${format} page ${i + 1}`).toContain("(555) 010-4477");
      expect(p, `${format} page ${i + 1}`).toContain("Harbour Physio (test)");
    }
    expect(text).toContain(name);
    expect(text).toContain("Walk the dog again");
    expect(text).toContain("(555) 010-4477");
    expect(text).toMatch(/Chin tuck/i);
    expect(text).toMatch(/Do 10 repeats\. Hold each for 5 seconds\. Do this 3 times a day, every day\./);
    expect(text).toMatch(/Glute bridge/i);
    expect(text).toMatch(/Do 3 rounds of 12 repeats/);
    expect(text).toMatch(/Steady daily walk/i);
    expect(text).toMatch(/Walk for 10 minutes/);
    expect(text).toMatch(/Add 5 minutes each week, up to 25 minutes/);
    expect(text).toMatch(/Week 1 Week 2 Week 3 Week 4 Week 5 Week 6 10 minutes 15 minutes 20 minutes 25 minutes 25 minutes 25 minutes/);
    expect(text).toMatch(/Monday, March 2, 2026/);
    expect(text).toMatch(/Chiropractic adjustment/i);
    expect(text).toContain("Call 911 or go to the emergency room now");
    expect(text).toContain("Stop and call us today");
    // Chin tucks and a chiropractic visit make it a neck plan: the neck signs are added.
    expect(text).toContain("Clumsy hands.");
    expect(text).toMatch(/Tick-box diary/);
    for (const chrome of ["Exercise library", "Skip to content", "Print this handout", "Back to the plan", "Move down"])
      expect(text).not.toContain(chrome);
    // "Move up" appears only in the walking rule, never as the editor's button.
    expect(text.match(/Move up/g)).toEqual(["Move up"]);
    expect(text).toContain("Move up only if last week felt okay. After a flare-up, repeat the week.");
  }
});

test("a negative rep count is refused next to the field and nothing is saved", async ({ page }) => {
  const patientId = await addPatient(page, unique("Milo Brandt"));
  await addPlan(page, patientId, "Neck care");
  const chin = await addFromLibrary(page, "chin tuck", /chin tuck/);
  await saveField(chin, "Reps", "10");

  const reps = chin.getByLabel("Reps", { exact: true });
  await reps.fill("-5");
  await reps.press("Tab");
  // The field names its message only once the refusal is shown.
  await expect(reps).toHaveAttribute("aria-invalid", "true");
  const error = chin.locator(`#${await reps.getAttribute("aria-describedby").then((v) => v!.split(" ").pop())}`);
  await expect(error).toHaveText("Reps must be at least 1.");
  await expect(reps).toHaveAttribute("aria-invalid", "true");
  await expect(chin.locator(".save-state")).toContainText("Not saved");

  await page.reload();
  const reloaded = page.locator("ol.items > li").first();
  await expect(reloaded.getByLabel("Reps", { exact: true })).toHaveValue("10");
  await expect(reloaded.locator(".dose-words")).toContainText("Do 10 repeats");
});

test("an unknown id gives the 404 page without details", async ({ page }) => {
  for (const url of ["/plans/987654", "/patients/987654", "/patients/not-a-number", "/plans/987654/print", "/library/987654"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    const html = await page.content();
    expect(html).not.toMatch(/at .*\.js:\d+|SQLITE|\/work\/|node_modules/);
  }
});

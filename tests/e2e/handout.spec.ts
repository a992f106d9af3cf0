import { writeFile } from "node:fs/promises";
import { and, eq } from "drizzle-orm";
import { extractText, getDocumentProxy } from "unpdf";
import type { Locator, Page, TestInfo } from "@playwright/test";
import { openDatabase } from "@/db";
import { auditEvents } from "@/db/schema";
import { E2E_DB } from "./accounts";
import { addFromLibrary, addPatient, addPlan, expect, patientIdFromUrl, test, unique } from "./fixtures";

async function pdfPages(pdf: Buffer) {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text: pages, totalPages } = await extractText(doc, { mergePages: false });
  const clean = pages.map((p) => p.replace(/\s+/g, " "));
  return { text: clean.join(" "), pages: clean, totalPages };
}

async function saveField(card: Locator, label: string, value: string) {
  const input = card.getByLabel(label, { exact: true });
  if ((await input.inputValue()) === value) return;
  await input.fill(value);
  await input.press("Tab");
  await expect(card.locator(".save-state")).toHaveText("Saved");
}

async function addPatientWith(page: Page, name: string, precautions: string[]) {
  await page.goto("/patients/new");
  await page.getByLabel("Full name").fill(name);
  for (const label of precautions) await page.getByLabel(label).check();
  await page.getByRole("button", { name: "Save patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  return patientIdFromUrl(page);
}

/**
 * Measured: this 9-item plan printed 7 pages, then 5; with name and dose across each item, the picture
 * beside the steps and items kept whole, it prints on 4 pages of A4 and of Letter (the target).
 */
const MAX_PAGES = 4;

/**
 * Chromium shrinks a whole printout to fit when anything is wider than the paper, which would quietly
 * print the large-print handout smaller than 16 pt. The narrower paper's text width is A4's 188 mm.
 */
async function expectNothingWiderThanPaper(page: Page) {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: Math.floor((188 / 25.4) * 96), height: 1000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  if (viewport) await page.setViewportSize(viewport);
}

/** Prints the open handout on A4 and on Letter and checks what every printing of the 9-item plan must show. */
async function expectFourPageHandout(page: Page, testInfo: TestInfo, file: string, onPageOne?: (text: string) => void) {
  const phone = "(555) 010-4477";
  for (const format of ["A4", "Letter"] as const) {
    const pdf = await page.pdf({ format, printBackground: true });
    // Kept beside the test's results so a person can look at the layout, not only the count.
    await writeFile(testInfo.outputPath(`${file}-${format}.pdf`), pdf);
    const { text, pages, totalPages } = await pdfPages(pdf);
    expect(totalPages, format).toBeLessThanOrEqual(MAX_PAGES);
    for (const [i, p] of pages.entries()) {
      expect(p, `${format} page ${i + 1}`).toContain(`Maria O. · page ${i + 1} of ${totalPages}`);
      expect(p, `${format} page ${i + 1}`).toContain(phone);
    }
    // The short 911 box is on page 1; the full box with both tiers closes the handout.
    expect(pages[0]).toContain("Call 911 or go to the emergency room now if you have:");
    expect(pages[0]).toContain("New numbness in the groin or inner thighs.");
    onPageOne?.(pages[0]);
    expect(pages[totalPages - 1]).toContain("Stop and call us today if you have:");
    expect(text).toContain("Stop and call us today");
    // Chin tuck and a chiropractic visit: the neck signs join the call-us tier.
    expect(text).toContain("Clumsy hands.");
    // One-sided: "each side"; doses in plain words.
    expect(text).toMatch(/Knee-to-chest stretch Do 3 repeats, each side\. Hold each for 30 seconds\./);
    expect(text).not.toMatch(/\bsets? of\b/);
    expect(text).not.toMatch(/\d+ min\b/);
    // The diary covers all 6 weeks and asks for the bridge on 3 days, the chin tuck every day.
    expect(text).toMatch(/Tick-box diary/);
    expect(text).toMatch(/Week 1 Week 2 Week 3 Week 4 Week 5 Week 6/);
    expect(text).toMatch(/Glute bridge 3 days this week(?: ☐☐☐){6}(?! ?☐)/);
    expect(text).toMatch(/Chin tuck Every day(?: ☐{7}){6}/);
    expect(text).toContain("Why walking helps your back");
  }
}

test("a 9-item handout fits 4 pages of A4 and of Letter with a footer on every page, the 911 box on page 1 and a diary that follows the days", async ({
  page,
}, testInfo) => {
  // Nine items through the editor, then five printings: slow on a busy machine.
  test.setTimeout(120_000);
  // "Maria <run id> Ortega": the footer's short name is "Maria O.".
  const name = `${unique("Maria")} Ortega`;
  const patientId = await addPatientWith(page, name, ["Osteoporosis or low bone density"]);
  const planId = await addPlan(page, patientId, "Back on my feet", 6);

  await addFromLibrary(page, "steady walk", /steady daily walk/);
  // One-sided, and a conflict with osteoporosis: warned on the item and kept after a check.
  const knee = await addFromLibrary(page, "knee-to-chest", /knee-to-chest stretch/);
  const warning = knee.getByRole("group", { name: /Precaution warning/ });
  await expect(warning).toContainText("Osteoporosis");
  await warning.getByRole("button", { name: /Keep it: I have checked/ }).click();
  await expect(knee.getByText(/Kept after a check for/)).toBeVisible();
  // Shown at once (optimistic); the server has it once the editor says so.
  await expect(page.getByText("Kept on the plan. Your confirmation is recorded.")).toBeAttached();
  const bridge = await addFromLibrary(page, "bridge", /glute bridge/);
  await saveField(bridge, "Days per week", "3");
  await addFromLibrary(page, "bird dog", /bird dog/);
  await addFromLibrary(page, "chin tuck", /chin tuck/);
  await addFromLibrary(page, "dead bug", /dead bug/);
  await addFromLibrary(page, "sit to stand", /sit to stand/);
  await addFromLibrary(page, "walking helps", /why walking helps/);
  await addFromLibrary(page, "chiropractic", /chiropractic adjustment/);
  await expect(page.locator("ol.items > li")).toHaveCount(9);

  await page.goto(`/plans/${planId}/print`);
  await page.emulateMedia({ media: "print" });
  await expectNothingWiderThanPaper(page);
  await expectFourPageHandout(page, testInfo, "handout");
  await expect(page.getByAltText("QR code that opens your plan on a phone")).toHaveCount(0);

  // With a live link for the patient, page 1 also carries the QR code and the typed address: still 4 pages.
  await page.goto(`/plans/${planId}`);
  await page.getByRole("button", { name: "Make active" }).click();
  await expect(page.locator(".badge.active")).toHaveText("Active");
  await page.getByRole("link", { name: "Share with patient" }).click();
  await page.getByRole("button", { name: "Make a link" }).click();
  const token = (await page.getByLabel("Link", { exact: true }).inputValue()).split("/p/")[1];
  const printLink = page.getByRole("link", { name: "Print the handout with this link" });
  await printLink.evaluate((a) => a.removeAttribute("target"));
  await printLink.click();
  const qr = page.getByAltText("QR code that opens your plan on a phone");
  await expect(qr).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expectNothingWiderThanPaper(page);
  // Big enough for an older phone's camera to read from arm's length.
  expect(await qr.evaluate((el) => (el.getBoundingClientRect().width * 25.4) / 96)).toBeGreaterThanOrEqual(25);
  await expectFourPageHandout(page, testInfo, "handout-with-link", (first) => {
    expect(first).toContain("Your plan on your phone");
    // The typed address in groups of five; the PDF's text may break a group where a line wraps.
    expect(first.replace(/\s+/g, "")).toContain(token);
  });

  // Large print: 16 pt body and pictures at least 70 mm wide (96 px to the inch, 25.4 mm to the inch).
  await page.emulateMedia({ media: "screen" });
  await page.getByRole("link", { name: /Large print/ }).click();
  await expect(page).toHaveURL(/size=large/);
  await page.emulateMedia({ media: "print" });
  const fontSize = await page
    .locator(".print-item ol li")
    .first()
    .evaluate((el) => getComputedStyle(el).fontSize);
  expect(parseFloat(fontSize)).toBeCloseTo((16 * 96) / 72, 1);
  const widthMm = await page
    .locator(".print-item img")
    .first()
    .evaluate((el) => (el.getBoundingClientRect().width * 25.4) / 96);
  expect(widthMm).toBeGreaterThanOrEqual(70);
  await expectNothingWiderThanPaper(page);
  const large = await pdfPages(await page.pdf({ format: "A4", printBackground: true }));
  expect(large.pages[0]).toContain(`Maria O. · page 1 of ${large.totalPages}`);
  // The default handout's pictures are big enough to read the pose too.
  await page.goto(`/plans/${planId}/print`);
  await page.emulateMedia({ media: "print" });
  const defaultMm = await page
    .locator(".print-item img")
    .first()
    .evaluate((el) => (el.getBoundingClientRect().width * 25.4) / 96);
  expect(defaultMm).toBeGreaterThanOrEqual(60);
});

function printAuditRows(patientId: number) {
  const db = openDatabase(E2E_DB, { migrate: false });
  const n = db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.patientId, patientId), eq(auditEvents.action, "plan.print")))
    .all().length;
  db.$client.close();
  return n;
}

test("the handout loads no JavaScript file, only one small inline script its CSP allows, and its Print button prints; each print is audited", async ({
  page,
}) => {
  const patientId = await addPatient(page, unique("Nell Noscript"));
  const planId = await addPlan(page, patientId, "Plain paper plan", 4);
  await addFromLibrary(page, "bridge", /glute bridge/);

  // window.print is swapped for a counter before the page's own script runs, so a click can be seen without a dialog.
  await page.addInitScript(() => {
    const w = window as unknown as { printed: number };
    w.printed = 0;
    window.print = () => void w.printed++;
  });
  const refused: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) refused.push(msg.text());
  });
  const scripts: Promise<number>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") scripts.push(r.body().then((b) => b.length));
  });

  const before = printAuditRows(patientId);
  const answer = await page.goto(`/plans/${planId}/print`);
  await page.waitForLoadState("networkidle");
  expect(answer?.status()).toBe(200);
  expect(answer?.headers()["cache-control"]).toContain("no-store");
  const csp = answer?.headers()["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).not.toContain("unsafe-inline");
  await expect(page.getByRole("heading", { name: "Plain paper plan" })).toBeVisible();

  // No script file at all (the App Router page loaded 9 files, 578 KB); one inline script of a few hundred bytes.
  expect((await Promise.all(scripts)).reduce((a, n) => a + n, 0)).toBe(0);
  const inline = await page.locator("script").evaluateAll((els) => els.map((e) => (e.getAttribute("src") ? -1 : (e.textContent ?? "").length)));
  expect(inline).toHaveLength(1);
  expect(inline[0]).toBeGreaterThan(0);
  expect(inline[0]).toBeLessThan(500);

  await page.getByRole("button", { name: "Print this handout" }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  expect(refused).toEqual([]);

  // Standard/large switch and the way back are plain links.
  await page.getByRole("link", { name: /Large print/ }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}/print\\?size=large$`));
  await expect(page.locator("article.handout.large")).toBeVisible();
  await page.getByRole("button", { name: "Print this handout" }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  expect(refused).toEqual([]);
  // The same print again is answered from the render cache: still one audit row per print.
  await page.reload();
  await expect(page.locator("article.handout.large")).toBeVisible();
  expect(printAuditRows(patientId)).toBe(before + 3);
  // A <Link> prefetch (Next's RSC request) gets nothing and is not a print: no audit row, no version issued.
  const prefetch = await page.request.get(`/plans/${planId}/print`, { headers: { RSC: "1", "Next-Router-Prefetch": "1" } });
  expect(prefetch.status()).toBe(204);
  expect(await prefetch.text()).toBe("");
  expect(printAuditRows(patientId)).toBe(before + 3);
  await page.getByRole("link", { name: "Back to the plan" }).click();
  await expect(page).toHaveURL(new RegExp(`/plans/${planId}$`));
});

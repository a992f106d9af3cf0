import type { Page } from "@playwright/test";
import { addFromLibrary, addPatient, addPlan, expect, test, unique } from "./fixtures";

/**
 * Collects every Content-Security-Policy violation a page reports, both as
 * the DOM event and as Chromium's console message ("Refused to ..."), which
 * also covers violations whose exception was caught by the page's own code.
 */
async function watchCsp(page: Page) {
  const seen: string[] = [];
  page.on("console", (msg) => {
    if (/Content Security Policy|Refused to (evaluate|execute|load|apply|connect|frame)/i.test(msg.text())) seen.push(`${page.url()}: ${msg.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const w = window as unknown as { __csp?: string[] };
      (w.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`);
    });
  });
  return async () => {
    // Each report once: both lists are emptied as they are read.
    const fromDom = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp?.splice(0) ?? []);
    return [...seen.splice(0), ...fromDom.map((v) => `${page.url()}: ${v}`)];
  };
}

test("the main pages, the plan editor in use and the share page report no CSP violation in the browser console", async ({
  page,
  browser,
  baseURL,
}) => {
  const violations = await watchCsp(page);
  const all: string[] = [];
  const visit = async (url: string) => {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    all.push(...(await violations()));
  };

  for (const url of ["/patients", "/patients/new", "/library", "/library/new", "/admin/staff", "/admin/staff/new", "/admin/clinic", "/admin/audit"])
    await visit(url);

  const patientId = await addPatient(page, unique("Cora Console"));
  await visit(`/patients/${patientId}`);
  const planId = await addPlan(page, patientId, "Console plan", 4);
  // The editor parses doses in the browser: edit one, which is when zod would first probe for eval.
  const bridge = await addFromLibrary(page, "bridge", /glute bridge/);
  await bridge.getByLabel("Reps", { exact: true }).fill("9");
  await bridge.getByLabel("Reps", { exact: true }).press("Tab");
  await expect(bridge.locator(".save-state")).toHaveText("Saved");
  await bridge.getByLabel("Reps", { exact: true }).fill("-2");
  await bridge.getByLabel("Reps", { exact: true }).press("Tab");
  await expect(bridge.locator(".save-state")).toContainText("Not saved");
  await page.getByLabel("Plan title").fill("Console plan, renamed");
  await page.getByLabel("Plan title").press("Tab");
  // Read the console once the rename has been saved, so the save itself is covered.
  await expect(page.getByText("Plan details saved.")).toBeAttached();
  all.push(...(await violations()));

  await page.getByRole("button", { name: "Make active" }).click();
  await expect(page.locator(".badge.active")).toHaveText("Active");
  await visit(`/plans/${planId}/share`);
  await page.getByRole("button", { name: "Make a link" }).click();
  await expect(page.getByAltText("QR code that opens the patient's plan")).toBeVisible();
  const link = await page.getByLabel("Link", { exact: true }).inputValue();
  all.push(...(await violations()));
  await visit(`/plans/${planId}/copy`);
  await visit(`/plans/${planId}/print`);

  // Signed out: the sign-in page, and the patient's own link.
  const outside = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const op = await outside.newPage();
  const outsideViolations = await watchCsp(op);
  for (const url of ["/sign-in", link]) {
    await op.goto(url);
    await op.waitForLoadState("networkidle");
    all.push(...(await outsideViolations()));
  }
  await outside.close();

  expect(all).toEqual([]);
});

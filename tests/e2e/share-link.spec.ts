import AxeBuilder from "@axe-core/playwright";
import { eq } from "drizzle-orm";
import ICAL from "ical.js";
import { openDatabase } from "@/db";
import { itemLogs, shareLinks } from "@/db/schema";
import { hashShareToken } from "@/lib/share-token";
import { E2E_DB } from "./accounts";
import { expect, makeSharedPlan, test } from "./fixtures";

const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };

test("a patient opens a shared plan on a phone with JavaScript off, ticks two items and records pain; the therapist sees it; revoked and expired links look like unknown ones", async ({
  page,
  browser,
  baseURL,
}) => {
  // Two plans built through the editor, three browsers: slow on a busy machine.
  test.setTimeout(120_000);
  const { planId, url, token } = await makeSharedPlan(page);
  expect(url).toMatch(/\/p\/[A-Za-z0-9_-]{43}$/);
  expect(url).not.toMatch(/sofia|share/i);

  // The handout printed with this link carries the QR code and the typed address.
  await page.getByRole("link", { name: "Print the handout with this link" }).evaluate((a) => a.removeAttribute("target"));
  await page.getByRole("link", { name: "Print the handout with this link" }).click();
  await expect(page.getByAltText("QR code that opens your plan on a phone")).toBeVisible();
  await expect(page.locator(".typed-link")).toContainText(token.slice(0, 5));

  const patient = await browser.newContext({ ...phone, baseURL, javaScriptEnabled: false, storageState: { cookies: [], origins: [] } });
  const p = await patient.newPage();
  const first = await p.goto(url);
  expect(first?.status()).toBe(200);
  const headers = first!.headers();
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["x-robots-tag"]).toBe("noindex, nofollow");
  expect(headers["cache-control"]).toContain("no-store");
  await expect(p.getByRole("heading", { name: "Strong back at home" })).toBeVisible();
  await expect(p.getByText(/Steady daily walk, today: 10 minutes/)).toBeVisible();
  const scroll = await p.evaluate(() => document.documentElement.scrollWidth);
  expect(scroll).toBeLessThanOrEqual(360);

  await p.getByRole("button", { name: "I did Glute bridge today" }).click();
  await expect(p.getByText("Well done. It is ticked off for today.")).toBeVisible();
  await p.getByRole("button", { name: /I did Steady daily walk today/ }).click();
  await expect(p.locator(".item.done")).toHaveCount(2);
  // A second tap (or a second tab) does not count twice.
  await patient.request.post(`${url}/log`, { form: { kind: "done", itemId: await itemId(p, "Glute bridge") }, maxRedirects: 0 });
  await p.getByLabel("6", { exact: true }).check();
  await p.getByLabel("Anything to tell us? (optional)").fill("Stiff in the morning");
  await p.getByRole("button", { name: "Save my pain score" }).click();
  await expect(p.getByText("Thank you. Your pain score is saved.")).toBeVisible();
  const db = openDatabase(E2E_DB, { migrate: false });
  expect(db.select().from(itemLogs).where(eq(itemLogs.planId, planId)).all()).toHaveLength(2);

  // axe needs JavaScript, so the scan uses a second phone browser with it on.
  const scanner = await browser.newContext({ ...phone, baseURL, storageState: { cookies: [], origins: [] } });
  const sp = await scanner.newPage();
  await sp.goto(url);
  expect(await seriousViolations(sp)).toEqual([]);

  // The calendar file from the link: one walk event per plan week (4), read back by an independent parser.
  const ics = await patient.request.get(`${url}/calendar`);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  const calendar = new ICAL.Component(ICAL.parse(await ics.text()));
  const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  expect(events.map((e) => e.summary)).toEqual([1, 2, 3, 4].map((week) => expect.stringMatching(new RegExp(`^Walk .*\\(week ${week}\\)$`))));

  // The therapist sees the ticks and the pain.
  await page.goto(`/plans/${planId}`);
  const adherence = page.getByRole("region", { name: "How the patient is doing" });
  // Day 1 of the plan: 2 due so far (the walk and the daily cat-camel; the 3-day bridge is not due yet), the walk done.
  await expect(adherence).toContainText("1 of 2 done so far this week");
  await expect(adherence).toContainText("Stiff in the morning");
  // The pain chart: the trend sentence on the drawing, one dot, the dashed high-pain line, and the numbers as a table.
  const painChart = adherence.getByRole("img", { name: /^Pain 6 on .*; latest 6$/ });
  await expect(painChart.locator(".recharts-reference-line")).toHaveCount(1);
  await expect(painChart.locator(".recharts-dot")).toHaveCount(1);
  await expect(adherence.getByRole("table", { name: "Pain scores by day" }).getByRole("row")).toHaveCount(2);

  // Revoked: the same page and status as a link that never existed.
  const unknown = await p.goto(`/p/${"B".repeat(43)}`);
  const unknownText = await p.locator("main").innerText();
  await page.goto(`/plans/${planId}/share`);
  page.once("dialog", (d) => d.accept());
  await page
    .getByRole("button", { name: /Turn off link/ })
    .first()
    .click();
  await expect(page.getByText("Turned off")).toBeVisible();
  const revoked = await p.goto(url);
  expect(revoked?.status()).toBe(unknown?.status());
  expect(await p.locator("main").innerText()).toBe(unknownText);
  await expect(p.getByRole("heading", { name: "This link is no longer active" })).toBeVisible();
  await sp.goto(url);
  await expect(sp.getByRole("heading", { name: "This link is no longer active" })).toBeVisible();
  expect(await seriousViolations(sp)).toEqual([]);
  await scanner.close();

  // Expired: made fresh, then its expiry moved into the past.
  const second = await makeSharedPlan(page);
  db.update(shareLinks)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(shareLinks.tokenHash, hashShareToken(second.token)))
    .run();
  db.$client.close();
  const expired = await p.goto(second.url);
  expect(expired?.status()).toBe(unknown?.status());
  expect(await p.locator("main").innerText()).toBe(unknownText);
  await patient.close();
});

async function seriousViolations(page: import("@playwright/test").Page) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze();
  return axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}

async function itemId(p: import("@playwright/test").Page, name: string) {
  return p
    .locator("section.item")
    .filter({ has: p.getByRole("heading", { name }) })
    .locator('input[name="itemId"]')
    .inputValue();
}

/** The JavaScript a page loads: the sum of the bodies of every script it fetched. */
async function scriptBytes(p: import("@playwright/test").Page, url: string) {
  const sizes: Promise<number>[] = [];
  const onResponse = (r: import("@playwright/test").Response) => {
    if (r.request().resourceType() === "script") sizes.push(r.body().then((b) => b.length));
  };
  p.on("response", onResponse);
  await p.goto(url);
  await p.waitForLoadState("networkidle");
  p.off("response", onResponse);
  return { bytes: (await Promise.all(sizes)).reduce((a, n) => a + n, 0), inline: await p.locator("script").count() };
}

test("the patient's link page loads at most 20 KB of JavaScript (it needs none), for a live link and a dead one", async ({
  page,
  browser,
  baseURL,
}) => {
  const { url } = await makeSharedPlan(page);
  // JavaScript on, as most phones have it: whatever the page would load, it gets to load here.
  const patient = await browser.newContext({ ...phone, baseURL, storageState: { cookies: [], origins: [] } });
  const p = await patient.newPage();
  for (const target of [url, `/p/${"C".repeat(43)}`]) {
    const { bytes, inline } = await scriptBytes(p, target);
    expect(bytes, target).toBeLessThanOrEqual(20 * 1024);
    expect(inline, target).toBe(0);
  }
  // Still the whole page: the plan, the forms and the styles (the heading is styled, not the browser default).
  await p.goto(url);
  await expect(p.getByRole("heading", { name: "Strong back at home" })).toBeVisible();
  await expect(p.getByRole("button", { name: "Save my pain score" })).toBeVisible();
  expect(await p.locator("main.patient").evaluate((m) => getComputedStyle(m).maxWidth)).not.toBe("none");
  await patient.close();
});

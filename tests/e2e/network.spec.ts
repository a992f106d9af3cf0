import fs from "node:fs";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db";
import { painLogs, shareLinkMisses } from "@/db/schema";
import { newShareToken } from "@/lib/share-token";
import { E2E_DB, serverLog } from "./accounts";
import { expect, makeSharedPlan, test } from "./fixtures";

// These tests talk HTTP to the real server entry (scripts/server.ts), as a browser or a script would.

test("rotating X-Forwarded-For does not reset the share-link miss limit, and a valid link still opens past it", async ({
  page,
  playwright,
  baseURL,
}) => {
  // 30 misses, each deliberately slowed down by the server: on a busy runner this takes close to a minute.
  test.setTimeout(150_000);
  const { url, token, planId } = await makeSharedPlan(page);
  const db = openDatabase(E2E_DB, { migrate: false });
  const anon = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  try {
    // 30 misses, each claiming another address: the server counts them all against the connection's own address.
    for (let i = 0; i < 30; i++) {
      const miss = await anon.get(`/p/${newShareToken()}`, {
        headers: { "X-Forwarded-For": `203.0.113.${i + 1}`, "X-Real-IP": `198.51.100.${i + 1}` },
      });
      expect(await miss.text()).toContain("This link is no longer active");
    }
    const counted = db
      .select({ address: shareLinkMisses.address })
      .from(shareLinkMisses)
      .all()
      .map((r) => r.address);
    expect(counted.filter((a) => a === "127.0.0.1").length).toBeGreaterThanOrEqual(30);
    expect(counted.filter((a) => a.startsWith("203.0.113.") || a.startsWith("198.51.100."))).toEqual([]);

    // Past the limit, a miss is answered only after the pause, whatever address it claims.
    const start = Date.now();
    const slow = await anon.get(`/p/${newShareToken()}`, { headers: { "X-Forwarded-For": "192.0.2.200" } });
    expect(Date.now() - start).toBeGreaterThanOrEqual(1_900);
    expect(await slow.text()).toContain("This link is no longer active");

    // The patient's own link is never held back: it opens, and a tick is saved.
    const open = await anon.get(url);
    expect(open.status()).toBe(200);
    expect(await open.text()).toContain("Strong back at home");
    const bridgeId = /name="itemId" value="(\d+)"/.exec(await open.text())![1];
    const tick = await anon.post(`/p/${token}/log`, { form: { kind: "done", itemId: bridgeId }, maxRedirects: 0 });
    expect(tick.status()).toBe(303);
    expect(tick.headers().location).toContain("saved=done");
    expect(planId).toBeGreaterThan(0);
  } finally {
    // Other tests from this machine should not wait on this test's misses.
    db.delete(shareLinkMisses).run();
    db.$client.close();
    await anon.dispose();
  }
});

test("the patient log answers JSON, plain text and broken multipart with the page and a message, and never saves an empty pain score", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  const { url, token, planId } = await makeSharedPlan(page);
  const anon = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const log = `/p/${token}/log`;
  const bodies: { headers: Record<string, string>; data: string | Buffer }[] = [
    { headers: { "Content-Type": "application/json" }, data: JSON.stringify({ kind: "pain", score: 3 }) },
    { headers: { "Content-Type": "text/plain" }, data: "kind=pain&score=3" },
    { headers: { "Content-Type": "multipart/form-data; boundary=nope" }, data: "--wrong\r\nthis is not multipart" },
    { headers: { "Content-Type": "application/octet-stream" }, data: Buffer.from([0xff, 0xfe, 0x00]) },
  ];
  for (const body of bodies) {
    const answer = await anon.post(log, { ...body, maxRedirects: 0 });
    expect(answer.status(), body.headers["Content-Type"]).toBe(303);
    expect(answer.headers().location).toBe(`/p/${token}?problem=form`);
  }
  const back = await anon.get(`${url}?problem=form`);
  expect(back.status()).toBe(200);
  expect(await back.text()).toContain("That did not come through. Please try again.");

  for (const score of ["", "11", "-1", "7.5", "1e1"]) {
    const answer = await anon.post(log, { form: { kind: "pain", score, comment: "empty?" }, maxRedirects: 0 });
    expect(answer.headers().location, `score "${score}"`).toBe(`/p/${token}?problem=score`);
  }
  // A tick for an item that is not on the patient's page (here: no such item) is refused with its own message.
  const stray = await anon.post(log, { form: { kind: "done", itemId: "999999999" }, maxRedirects: 0 });
  expect(stray.headers().location).toBe(`/p/${token}?problem=item`);
  expect(await (await anon.get(`${url}?problem=item`)).text()).toContain(
    "That exercise or walk is not on this week&#x27;s list, so it was not ticked.",
  );
  const db = openDatabase(E2E_DB, { migrate: false });
  expect(db.select().from(painLogs).where(eq(painLogs.planId, planId)).all()).toEqual([]);

  // The page shows the message where the patient can see it, and a whole number still saves.
  const p = await browser.newContext({ baseURL, javaScriptEnabled: false, storageState: { cookies: [], origins: [] } });
  const phone = await p.newPage();
  await phone.goto(`${url}?problem=score`);
  await expect(phone.getByRole("alert")).toHaveText("Please choose your pain as a whole number from 0 to 10, then save it again.");
  await phone.getByLabel("0", { exact: true }).check();
  await phone.getByRole("button", { name: "Save my pain score" }).click();
  await expect(phone.getByText("Thank you. Your pain score is saved.")).toBeVisible();
  expect(db.select({ score: painLogs.score }).from(painLogs).where(eq(painLogs.planId, planId)).all()).toEqual([{ score: 0 }]);
  db.$client.close();
  await p.close();
  await anon.dispose();
});

test("an oversized body to a patient link is refused, and no link token reaches the server log", async ({ page, playwright, baseURL }) => {
  const { token } = await makeSharedPlan(page);
  const anon = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  // Over Next's 10 MB proxy limit, which would log the address with the token.
  const big = await anon.post(`/p/${token}/log`, {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    data: `kind=pain&score=3&comment=${"x".repeat(11 * 1024 * 1024)}`,
    maxRedirects: 0,
  });
  expect(big.status()).toBe(413);
  const small = await anon.post(`/p/${token}/log`, {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    data: `kind=pain&score=3&comment=${"x".repeat(70 * 1024)}`,
    maxRedirects: 0,
  });
  expect(small.status()).toBe(413);
  await anon.dispose();
  await expect.poll(() => fs.existsSync(serverLog)).toBe(true);
  const logged = fs.readFileSync(serverLog, "utf8");
  expect(logged).not.toContain(token);
  expect(logged).not.toMatch(/\/p\/[A-Za-z0-9_-]{43}/);
});

test("bad %-escapes get the normal not-found and inactive pages, not a bare 500", async ({ page }) => {
  const unknown = await page.goto(`/p/${newShareToken()}`);
  for (const path of ["/p/%ZZ", "/p/%E0%A4%A"]) {
    const answer = await page.goto(path);
    expect(answer?.status(), path).toBe(unknown?.status());
    await expect(page.getByRole("heading", { name: "This link is no longer active" })).toBeVisible();
  }
  for (const path of ["/patients/%ZZ", "/plans/%ZZ", "/library/%FF/edit"]) {
    const answer = await page.goto(path);
    expect(answer?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await page.content()).not.toMatch(/Internal Server Error|URIError/);
  }
  const calendar = await page.request.get("/p/%ZZ/calendar");
  expect(calendar.status()).toBe(404);
  expect(await calendar.text()).toContain("no longer active");
});

test("the clinic logo keeps its own locked-down policy, not the page CSP", async ({ request }) => {
  const logo = await request.get("/api/clinic/logo");
  expect([200, 404]).toContain(logo.status());
  expect(logo.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
  // Pages still get the nonce-based page policy.
  const pageCsp = (await request.get("/patients")).headers()["content-security-policy"];
  expect(pageCsp).toContain("script-src 'self' 'nonce-");
});

import fs from "node:fs";
import path from "node:path";
import { seriousViolations } from "./axe";
import type { Page } from "@playwright/test";
import { ADMIN } from "./accounts";
import { expect, makeSharedPlan, retireLibraryEntry, test, unique } from "./fixtures";

/**
 * Every page route in app/, as a URL pattern: route groups dropped, dynamic segments kept ("/plans/[id]/share").
 * A route handler that answers with a whole HTML page (the patient's link page and the printed handout,
 * rendered without Next's client runtime) counts as a page too.
 */
function pageRoutes(dir = "app", segments: string[] = []): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_") || entry.name === "api") continue;
      const isGroup = /^\(.*\)$/.test(entry.name);
      out.push(...pageRoutes(path.join(dir, entry.name), isGroup ? segments : [...segments, entry.name]));
    } else if (entry.name === "page.tsx" || (entry.name === "route.ts" && servesHtmlPage(path.join(dir, entry.name)))) {
      out.push(`/${segments.join("/")}`);
    }
  }
  return out.sort();
}

function servesHtmlPage(file: string) {
  // Each kind of plain-HTML page has its own answer helper: patientHtmlResponse(, printHtmlResponse(.
  return /\w+HtmlResponse\(/.test(fs.readFileSync(file, "utf8"));
}

/** Only reachable on a fresh install, before the first admin exists: scanned (blank and with its errors) in first-run.setup.ts. */
const scannedBeforeFirstAdmin = ["/setup"];
/** Pages for someone who is not signed in: scanned in a signed-out browser. */
const signedOutRoutes = ["/sign-in", "/p/[token]"];

test("every page route, and every form with its errors showing, passes an axe scan with no serious or critical violations", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(420_000);
  const shared = await makeSharedPlan(page);

  await page.goto("/library/new");
  await page.getByLabel("Name").fill(unique("Scan custom"));
  await page.getByLabel("Neck").check();
  await page.getByLabel("Steps, one per line").fill("Sit tall.");
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByRole("link", { name: "Edit" })).toBeVisible();
  await expect(page).toHaveURL(/\/library\/\d+$/);
  const entryUrl = page.url();
  const entryId = new URL(entryUrl).pathname.split("/").pop()!;

  await page.goto("/admin/staff");
  const resetHref = await page.getByRole("link", { name: `Reset password for ${ADMIN.name}` }).getAttribute("href");
  const staffId = resetHref!.split("/")[3];

  await page.goto("/templates");
  const templateHref = await page.locator('main a[href^="/templates/"]').first().getAttribute("href");
  const templateId = templateHref!.split("/")[2];

  // The value for each dynamic segment, by the segment it follows. A new kind of route fails here until it gets one.
  const samples: Record<string, string> = {
    patients: String(shared.patientId),
    plans: String(shared.planId),
    library: entryId,
    staff: staffId,
    templates: templateId,
    p: shared.token,
  };
  const concrete = (route: string) =>
    route.replace(/\/([^/]+)\/\[[^\]]+\]/g, (_, before: string) => {
      const value = samples[before];
      if (!value) throw new Error(`No sample value for a dynamic segment after "${before}" in ${route}: add one to the accessibility scan.`);
      return `/${before}/${encodeURIComponent(value)}`;
    });

  const routes = pageRoutes();
  // The list comes from the app folder: it holds the pages the issue names, so it is not silently empty or partial.
  for (const must of [
    "/sign-in",
    "/setup",
    "/admin/staff",
    "/admin/clinic",
    "/admin/audit",
    "/admin/staff/new",
    "/admin/staff/[id]/password",
    "/p/[token]",
    "/library/[id]",
    "/plans/[id]/print",
  ])
    expect(routes).toContain(must);

  const staffRoutes = routes.filter((r) => !scannedBeforeFirstAdmin.includes(r) && !signedOutRoutes.includes(r));
  const staffUrls = [
    ...staffRoutes.map(concrete),
    "/patients?archived=1",
    `/plans/${shared.planId}/copy?q=Sofia`,
    `/plans/${shared.planId}/print?link=${shared.token}`,
    "/no-such-page",
  ];
  const found: string[] = [];
  for (const url of staffUrls) {
    const answer = await page.goto(url);
    expect(answer?.status(), url).toBeLessThan(url === "/no-such-page" ? 500 : 400);
    found.push(...(await seriousViolations(page, url)));
  }

  // Forms with their errors showing: each is sent with input the server refuses.
  const refused: { url: string; label: string; fill: (p: Page) => Promise<void>; submit: string; error: RegExp }[] = [
    {
      url: "/patients/new",
      label: "new patient",
      fill: async (p) => p.getByLabel("Full name").fill("   "),
      submit: "Save patient",
      error: /required/i,
    },
    {
      url: `/patients/${shared.patientId}/edit`,
      label: "edit patient",
      fill: async (p) => p.getByLabel("Full name").fill("   "),
      submit: "Save changes",
      error: /required/i,
    },
    {
      url: `/patients/${shared.patientId}/plans/new`,
      label: "new plan",
      fill: async (p) => p.getByLabel("Length in weeks").fill(""),
      submit: "Create plan",
      error: /Length must be/i,
    },
    { url: "/library/new", label: "new library entry", fill: async () => {}, submit: "Save entry", error: /required/i },
    {
      url: `/library/${entryId}/edit`,
      label: "edit library entry",
      fill: async (p) => p.getByLabel("Name").fill("   "),
      submit: "Save changes",
      error: /required/i,
    },
    {
      url: "/admin/staff/new",
      label: "new staff member",
      fill: async (p) => {
        await p.getByLabel("Full name").fill("Scan Person");
        await p.getByLabel("Email").fill(`${unique("scan").replace(/\W+/g, ".")}@harbour-test.example`);
        await p.getByLabel("Temporary password", { exact: true }).fill("password1");
      },
      submit: "Add staff member",
      error: /common|characters/i,
    },
    {
      url: `/admin/staff/${staffId}/password`,
      label: "reset password",
      fill: async (p) => p.getByLabel("New password").fill("password1"),
      submit: "Set new password",
      error: /common|characters/i,
    },
    {
      url: "/admin/clinic",
      label: "clinic profile",
      fill: async (p) => p.getByLabel("Clinic name").fill("   "),
      submit: "Save clinic profile",
      error: /required/i,
    },
  ];
  for (const form of refused) {
    await page.goto(form.url);
    await form.fill(page);
    await page.getByRole("button", { name: form.submit, exact: true }).first().click();
    await expect(page.locator(".field-error").filter({ hasText: form.error }).first()).toBeVisible();
    found.push(...(await seriousViolations(page, `${form.label} with errors`)));
  }

  // The plan editor with a refused dose next to its field.
  await page.goto(`/plans/${shared.planId}`);
  const card = page.locator("ol.items > li").filter({ has: page.getByRole("heading", { name: /glute bridge/i }) });
  await card.getByLabel("Reps", { exact: true }).fill("-3");
  await card.getByLabel("Reps", { exact: true }).press("Tab");
  await expect(card.locator(".save-state")).toContainText("Not saved");
  found.push(...(await seriousViolations(page, "plan editor with a refused dose")));

  // Signed out: sign-in (blank and after a wrong password) and the patient's link.
  const outside = await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const op = await outside.newPage();
  for (const route of signedOutRoutes) {
    await op.goto(concrete(route));
    found.push(...(await seriousViolations(op, route)));
  }
  await op.goto("/sign-in");
  await op.getByLabel("Email").fill("nobody@harbour-test.example");
  await op.getByLabel("Password").fill("not the password");
  await op.getByRole("button", { name: "Sign in" }).click();
  await expect(op.getByText("That email and password do not match an active staff account.")).toBeVisible();
  found.push(...(await seriousViolations(op, "sign-in with its error")));
  await outside.close();
  await retireLibraryEntry(page, entryUrl);

  expect(found).toEqual([]);
});

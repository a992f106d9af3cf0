import fs from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { and, eq, gt, inArray } from "drizzle-orm";
import { openDatabase } from "@/db";
import { writeStaffUser } from "@/db/credentials";
import { auditEvents, patients, plans, sessions, users } from "@/db/schema";
import { hashPassword } from "@/lib/password";
import { ADMIN, E2E_DB, signInAs } from "./accounts";

/**
 * The audit rows only the HTTP layer can write (sign-in, sign-out, an ended
 * session, attempts refused by the action wrapper), and the demo banner.
 * Runs in the last project, after the other specs: while a demo account
 * exists every staff page shows the banner.
 */
test.describe.configure({ mode: "serial" });

const PASSWORD = "audit trail walks";
const PEOPLE = {
  therapist: { name: "Audit Tess", email: "audit.tess@harbour-test.example" },
  demo: { name: "Demo Dee (demo)", email: "dee@riverside-demo.example" },
};

function withDb<T>(work: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase(E2E_DB, { migrate: false });
  try {
    return work(db);
  } finally {
    db.$client.close();
  }
}

const lastId = () =>
  withDb((db) =>
    db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .all()
      .reduce((m, r) => Math.max(m, r.id), 0),
  );
const rowsSince = (id: number, actions: string[]) =>
  withDb((db) =>
    db
      .select()
      .from(auditEvents)
      .where(and(gt(auditEvents.id, id), inArray(auditEvents.action, actions)))
      .all(),
  );
/** Rows about this person only: the spec running beside this one signs its own staff in and out. */
const rowsAbout = (id: number, actions: string[], userId: string, email: string) =>
  rowsSince(id, actions).filter((r) => r.actorId === userId || (r.actorId === null && r.detail.includes(email)));
const userId = (email: string) => withDb((db) => db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id);

test.beforeAll(async () => {
  const hash = await hashPassword(PASSWORD);
  withDb((db) => {
    if (!db.select().from(users).where(eq(users.email, PEOPLE.therapist.email)).get())
      writeStaffUser(db, { ...PEOPLE.therapist, role: "therapist", hash });
  });
});

function actionId(name: string) {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName: string }>;
  };
  return Object.entries(manifest.node).find(([, e]) => e.exportedName === name)![0];
}

/** Calls a server action the way React does, with JSON arguments. */
async function callAction(request: APIRequestContext, name: string, args: unknown[], origin: string) {
  const res = await request.post("/patients", {
    headers: { "Next-Action": actionId(name), Accept: "text/x-component", Origin: origin, "Content-Type": "text/plain;charset=UTF-8" },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return res.text();
}

test("sign-in failure and success, session expiry and sign-out each write a row with the address", async ({ page }) => {
  const before = lastId();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(PEOPLE.therapist.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match")).toBeVisible();
  await signInAs(page, PEOPLE.therapist.email, PASSWORD);
  const id = userId(PEOPLE.therapist.email);

  expect(rowsAbout(before, ["auth.sign-in"], id, PEOPLE.therapist.email)).toEqual([
    expect.objectContaining({
      outcome: "denied",
      actorId: null,
      address: "127.0.0.1",
      detail: expect.stringContaining(`as ${PEOPLE.therapist.email}`),
    }),
    expect.objectContaining({ outcome: "ok", actorId: id, actorName: PEOPLE.therapist.name, address: "127.0.0.1" }),
  ]);
  expect(JSON.stringify(rowsSince(before, ["auth.sign-in"]))).not.toContain("not the password");

  // An hour without use: past any idle limit the clinic can set.
  withDb((db) =>
    db
      .update(sessions)
      .set({ updatedAt: new Date(Date.now() - 60 * 60_000) })
      .where(eq(sessions.userId, id))
      .run(),
  );
  await page.goto("/patients");
  await expect(page).toHaveURL(/\/sign-in/);
  expect(rowsAbout(before, ["auth.session-expired"], id, PEOPLE.therapist.email)).toEqual([
    expect.objectContaining({ outcome: "ok", actorId: id, detail: expect.stringMatching(/^idle for more than \d+ min$/), address: "127.0.0.1" }),
  ]);

  await signInAs(page, PEOPLE.therapist.email, PASSWORD);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(rowsAbout(before, ["auth.sign-out"], id, PEOPLE.therapist.email)).toEqual([
    expect.objectContaining({ outcome: "ok", actorId: id, address: "127.0.0.1" }),
  ]);
});

test("refused attempts at an action write a row: signed out, wrong role, bad input before any query", async ({ page, baseURL, playwright }) => {
  const origin = new URL(baseURL!).origin;
  const { planId, targetId } = withDb((db) => {
    const patient = db.insert(patients).values({ name: "Audit Spec Patient", nameKey: "audit spec patient" }).returning({ id: patients.id }).get();
    const plan = db
      .insert(plans)
      .values({ patientId: patient.id, title: "Audit spec plan", startDate: "2026-03-02", weeks: 4 })
      .returning({ id: plans.id })
      .get();
    return { planId: plan.id, targetId: db.select({ id: users.id }).from(users).where(eq(users.email, ADMIN.email)).get()!.id };
  });
  const before = lastId();

  const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  expect(await callAction(anonymous, "setStaffRoleAction", [targetId, "therapist"], origin)).toContain("SIGNED_OUT");
  await anonymous.dispose();

  await signInAs(page, PEOPLE.therapist.email, PASSWORD);
  expect(await callAction(page.request, "setStaffRoleAction", [targetId, "therapist"], origin)).toContain("FORBIDDEN");
  // A status that is not one of ours is refused by the action's own parsing, before the query layer.
  expect(await callAction(page.request, "setPlanStatusAction", [planId, "deleted"], origin)).toContain("Unknown plan status");

  const therapistId = userId(PEOPLE.therapist.email);
  expect(rowsSince(before, ["staff.role"])).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ outcome: "denied", actorId: null, actorName: "Not signed in", detail: "not signed in", address: "127.0.0.1" }),
      expect.objectContaining({ outcome: "denied", actorId: therapistId, detail: "needs the staff:manage permission", address: "127.0.0.1" }),
    ]),
  );
  expect(rowsAbout(before, ["plan.status"], therapistId, PEOPLE.therapist.email)).toEqual([
    expect.objectContaining({ outcome: "refused", actorId: therapistId, detail: "invalid input", address: "127.0.0.1" }),
  ]);
  // The admin's role is untouched.
  expect(withDb((db) => db.select({ role: users.role }).from(users).where(eq(users.id, targetId)).get())).toEqual({ role: "admin" });
});

test("the demo banner shows on every staff page while a demo account is active, and goes once the demo data is removed", async ({ page }) => {
  const hash = await hashPassword(PASSWORD);
  withDb((db) => {
    const { id } = writeStaffUser(db, { ...PEOPLE.demo, role: "admin", hash });
    db.update(users).set({ isDemo: true }).where(eq(users.id, id)).run();
  });
  const banner = page.getByText("Demo accounts are active: remove them before real use");
  await signInAs(page, PEOPLE.demo.email, PASSWORD);
  for (const url of ["/patients", "/library", "/admin/staff", "/admin/audit"]) {
    await page.goto(url);
    await expect(banner, url).toBeVisible();
  }
  await page.getByRole("link", { name: "Remove all demo data" }).click();
  await expect(page.getByRole("heading", { name: "Demo data" })).toBeVisible();
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Remove all demo data" }).click();
  // The demo admin removed their own account, so they are signed out.
  await expect(page).toHaveURL(/\/sign-in/);
  await signInAs(page, ADMIN.email, ADMIN.password);
  await page.goto("/admin/clinic");
  await expect(page.getByRole("heading", { name: "Clinic profile" })).toBeVisible();
  await expect(banner).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Demo data" })).toHaveCount(0);
  expect(withDb((db) => db.select().from(users).where(eq(users.email, PEOPLE.demo.email)).all())).toEqual([]);
});

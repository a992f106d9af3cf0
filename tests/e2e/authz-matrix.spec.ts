import fs from "node:fs";
import path from "node:path";
import { test, expect, type APIRequestContext, type Browser } from "@playwright/test";
import { openDatabase } from "@/db";
import { writeStaffUser } from "@/db/credentials";
import { and, eq, gt, isNull } from "drizzle-orm";
import { auditEvents, clinicSettings, libraryEntries, patients, planItems, plans, users } from "@/db/schema";
import { hashPassword } from "@/lib/password";
import { E2E_DB, signInAs } from "./accounts";

/**
 * Every server action and route handler, called over HTTP as anonymous, as a
 * deactivated account, as a therapist and as an admin. The list of endpoints
 * comes from the source and the build manifest, so a new endpoint with no
 * entry here fails this test.
 */

type Caller = "anonymous" | "deactivated" | "therapist" | "admin";
type Ids = { patientId: number; planId: number; itemId: number; entryId: number; customEntryId: number; targetStaffId: string };
type ActionEntry = { allow: "public" | ("therapist" | "admin")[]; args: (ids: Ids) => unknown[] };

const STAFF = ["therapist", "admin"] as const;
const ADMIN_ONLY = ["admin"] as const;
const SECRET_PATIENT = "Matrix Privatepatient";
const form = (fields: Record<string, string>) => ({ form: fields });

const actions: Record<string, ActionEntry> = {
  "app/(clinic)/patients/actions.ts#createPatientAction": { allow: [...STAFF], args: () => [null, form({ name: "Matrix created" })] },
  "app/(clinic)/patients/actions.ts#updatePatientAction": {
    allow: [...STAFF],
    args: (i) => [i.patientId, 999, null, form({ name: SECRET_PATIENT })],
  },
  "app/(clinic)/patients/actions.ts#setPatientArchivedAction": { allow: [...STAFF], args: (i) => [i.patientId, false] },
  "app/(clinic)/plans/actions.ts#createPlanAction": {
    allow: [...STAFF],
    args: (i) => [i.patientId, null, form({ title: "", startDate: "x", weeks: "0" })],
  },
  "app/(clinic)/plans/actions.ts#updatePlanAction": { allow: [...STAFF], args: (i) => [i.planId, 999, { title: "" }] },
  "app/(clinic)/plans/actions.ts#setPlanStatusAction": { allow: [...STAFF], args: (i) => [i.planId, "no-such-status"] },
  "app/(clinic)/plans/actions.ts#duplicatePlanAction": { allow: [...STAFF], args: (i) => [i.planId, 987654] },
  "app/(clinic)/plans/actions.ts#addPlanItemAction": { allow: [...STAFF], args: (i) => [i.planId, 987654] },
  "app/(clinic)/plans/actions.ts#updatePlanItemDoseAction": { allow: [...STAFF], args: (i) => [i.planId, i.itemId, { reps: -5 }] },
  "app/(clinic)/plans/actions.ts#removePlanItemAction": { allow: [...STAFF], args: (i) => [i.planId, 987654] },
  "app/(clinic)/plans/actions.ts#saveUsualDoseAction": { allow: [...STAFF], args: (i) => [i.planId, 987654] },
  "app/(clinic)/plans/actions.ts#forgetUsualDoseAction": { allow: [...STAFF], args: () => [987654] },
  "app/(clinic)/plans/actions.ts#applyDaysPerWeekAction": { allow: [...STAFF], args: (i) => [i.planId, 99] },
  "app/(clinic)/plans/actions.ts#confirmPlanItemConflictsAction": { allow: [...STAFF], args: (i) => [i.planId, 987654] },
  "app/(clinic)/plans/actions.ts#reorderPlanItemsAction": { allow: [...STAFF], args: (i) => [i.planId, [987654]] },
  "app/(clinic)/plans/actions.ts#setPlanPhasesAction": { allow: [...STAFF], args: (i) => [i.planId, [{ id: "BAD ID" }]] },
  "app/(clinic)/plans/actions.ts#setPlanItemPhaseAction": { allow: [...STAFF], args: (i) => [i.planId, 987654, null] },
  "app/(clinic)/plans/actions.ts#issuePlanAction": { allow: [...STAFF], args: (i) => [i.planId] },
  "app/(clinic)/plans/actions.ts#importPlanAction": { allow: [...STAFF], args: (i) => [i.patientId, null, form({})] },
  "app/(clinic)/templates/actions.ts#saveTemplateAction": { allow: [...STAFF], args: (i) => [i.planId, null, form({ title: "" })] },
  "app/(clinic)/templates/actions.ts#updateTemplateAction": { allow: [...STAFF], args: () => [987654, 1, null, form({ title: "" })] },
  "app/(clinic)/templates/actions.ts#duplicateTemplateAction": { allow: [...STAFF], args: () => [987654] },
  "app/(clinic)/templates/actions.ts#setTemplateRetiredAction": { allow: [...STAFF], args: () => [987654, false] },
  "app/(clinic)/library/actions.ts#createLibraryEntryAction": { allow: [...ADMIN_ONLY], args: () => [null, form({ name: "" })] },
  "app/(clinic)/library/actions.ts#updateLibraryEntryAction": {
    allow: [...ADMIN_ONLY],
    args: (i) => [i.customEntryId, 999, null, form({ name: "" })],
  },
  "app/(clinic)/library/actions.ts#setLibraryEntryRetiredAction": { allow: [...ADMIN_ONLY], args: (i) => [i.customEntryId, false] },
  "app/(clinic)/admin/staff/actions.ts#addStaffAction": { allow: [...ADMIN_ONLY], args: () => [null, form({ name: "" })] },
  "app/(clinic)/admin/staff/actions.ts#setStaffRoleAction": { allow: [...ADMIN_ONLY], args: (i) => [i.targetStaffId, "therapist"] },
  "app/(clinic)/admin/staff/actions.ts#setStaffActiveAction": { allow: [...ADMIN_ONLY], args: (i) => [i.targetStaffId, true] },
  "app/(clinic)/admin/staff/actions.ts#resetStaffPasswordAction": {
    allow: [...ADMIN_ONLY],
    args: (i) => [i.targetStaffId, null, form({ password: "x" })],
  },
  "app/(clinic)/admin/clinic/actions.ts#updateClinicProfileAction": { allow: [...ADMIN_ONLY], args: () => [null, form({ name: "" })] },
  "app/(clinic)/admin/clinic/actions.ts#uploadClinicLogoAction": { allow: [...ADMIN_ONLY], args: () => [null, form({})] },
  "app/(clinic)/admin/clinic/actions.ts#removeClinicLogoAction": { allow: [...ADMIN_ONLY], args: () => [] },
  "app/(clinic)/admin/clinic/actions.ts#removeDemoDataAction": { allow: [...ADMIN_ONLY], args: () => [] },
  "app/(clinic)/plans/[id]/share/actions.ts#createShareLinkAction": {
    allow: [...STAFF],
    args: (i) => [i.planId, i.patientId, null, form({ days: "500" })],
  },
  "app/(clinic)/plans/[id]/share/actions.ts#revokeShareLinkAction": { allow: [...STAFF], args: (i) => [i.planId, i.patientId, 987654] },
  "app/(clinic)/patients/[id]/measures/actions.ts#recordMeasureAction": {
    allow: [...STAFF],
    args: (i) => [i.patientId, null, form({ measure: "nprs", context: "intake", takenOn: "2999-01-01", pain: "4" })],
  },
  "app/(clinic)/patients/[id]/measures/actions.ts#setMeasureRequestAction": {
    allow: [...STAFF],
    args: (i) => [i.patientId, null, form({ planId: String(i.planId), measure: "nprs", weeks: "99" })],
  },
  "app/(clinic)/admin/measure-texts/actions.ts#setMeasureTextAction": {
    allow: [...ADMIN_ONLY],
    args: () => [null, form({ measure: "odi", body: "not ten sections" })],
  },
  // Open by design: signing in, signing out, and first-run setup (refused once staff exist).
  "app/(auth)/sign-in/actions.ts#signInAction": {
    allow: "public",
    args: () => ["/patients", null, form({ email: "nobody@example.com", password: "wrong password" })],
  },
  "app/(auth)/setup/actions.ts#setupAction": {
    allow: "public",
    args: () => [
      null,
      form({ clinicName: "Takeover", clinicPhone: "555 0000", name: "X", email: "x@example.com", password: "a long enough passphrase" }),
    ],
  },
  "app/(auth)/sign-in/actions.ts#signOutAction": { allow: "public", args: () => [] },
};

type RouteEntry = {
  allow: "public" | ("therapist" | "admin")[];
  url: (ids: Ids) => string;
  method?: "POST";
  /** A staff page served by a route handler: like every staff page, it sends whoever is not signed in to sign-in. */
  page?: true;
};
// A well-formed token that opens nothing: the patient routes are open to anyone holding a live one.
const UNKNOWN_TOKEN = "A".repeat(43);
const routes: Record<string, RouteEntry> = {
  "app/api/plans/[id]/route.ts#GET": { allow: [...STAFF], url: (i) => `/api/plans/${i.planId}` },
  "app/api/library/route.ts#GET": { allow: [...STAFF], url: () => "/api/library?q=bridge" },
  "app/api/health/route.ts#GET": { allow: "public", url: () => "/api/health" },
  "app/api/clinic/logo/route.ts#GET": { allow: "public", url: () => "/api/clinic/logo" },
  "app/api/plans/[id]/calendar/route.ts#GET": { allow: [...STAFF], url: (i) => `/api/plans/${i.planId}/calendar` },
  "app/api/plans/[id]/export/route.ts#GET": { allow: [...STAFF], url: (i) => `/api/plans/${i.planId}/export` },
  "app/api/patients/[id]/export/route.ts#GET": { allow: [...STAFF], url: (i) => `/api/patients/${i.patientId}/export` },
  // The patient's plan page itself (HTML without Next's client runtime): open to whoever holds a live link.
  "app/(patient)/p/[token]/route.ts#GET": { allow: "public", url: () => `/p/${UNKNOWN_TOKEN}` },
  "app/(patient)/p/[token]/calendar/route.ts#GET": { allow: "public", url: () => `/p/${UNKNOWN_TOKEN}/calendar` },
  "app/(patient)/p/[token]/log/route.ts#POST": { allow: "public", url: () => `/p/${UNKNOWN_TOKEN}/log`, method: "POST" },
  "app/(patient)/p/[token]/measure/route.ts#POST": { allow: "public", url: () => `/p/${UNKNOWN_TOKEN}/measure`, method: "POST" },
  "app/api/patients/[id]/fhir/route.ts#GET": { allow: [...STAFF], url: (i) => `/api/patients/${i.patientId}/fhir` },
  // The printed handout (HTML without Next's client runtime); printing the draft issues it, which a therapist may do.
  "app/(print)/plans/[id]/print/route.ts#GET": { allow: [...STAFF], url: (i) => `/plans/${i.planId}/print`, page: true },
};

function sourceFiles(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    return d.isDirectory() ? sourceFiles(full, name) : d.name === name ? [full] : [];
  });
}

function exportsOf(file: string, pattern: RegExp): string[] {
  return [...fs.readFileSync(file, "utf8").matchAll(pattern)].map((m) => `${file}#${m[1]}`);
}

/** Encodes arguments the way React sends a server action call; { form } stands for a FormData. */
function encodeArgs(args: unknown[]) {
  const multipart: Record<string, string> = {};
  let next = 1;
  const json = JSON.stringify(args, (_k, v) => {
    if (v && typeof v === "object" && "form" in v && Object.keys(v).length === 1) {
      const id = next++;
      for (const [k, value] of Object.entries(v.form as Record<string, string>)) multipart[`_${id}_${k}`] = value;
      return `$K${id.toString(16)}`;
    }
    return v;
  });
  return next === 1 ? { data: json, type: "text/plain;charset=UTF-8" } : { multipart: { ...multipart, "0": json } };
}

async function callAction(request: APIRequestContext, id: string, args: unknown[]) {
  const body = encodeArgs(args);
  const res = await request.post("/patients", {
    headers: {
      "Next-Action": id,
      Accept: "text/x-component",
      Origin: new URL(test.info().project.use.baseURL!).origin,
      ...(body.type ? { "Content-Type": body.type } : {}),
    },
    ...(body.data !== undefined ? { data: body.data } : { multipart: body.multipart }),
    maxRedirects: 0,
  });
  return { status: res.status(), text: await res.text(), redirect: res.headers()["x-action-redirect"] ?? "" };
}

// One set of users and records for the whole file.
test.describe.configure({ mode: "serial" });

let ids: Ids;
const password = "matrix passphrase 2026";
const emails = {
  admin: "matrix.admin@harbour-test.example",
  therapist: "matrix.therapist@harbour-test.example",
  deactivated: "matrix.gone@harbour-test.example",
};

test.beforeAll(async () => {
  const db = openDatabase(E2E_DB, { migrate: false });
  const hash = await hashPassword(password);
  db.transaction((tx) => {
    writeStaffUser(tx, { name: "Matrix Admin", email: emails.admin, role: "admin", hash });
    writeStaffUser(tx, { name: "Matrix Therapist", email: emails.therapist, role: "therapist", hash });
    writeStaffUser(tx, { name: "Matrix Leaver", email: emails.deactivated, role: "therapist", hash });
  });
  const target = writeStaffUser(db, { name: "Matrix Target", email: "matrix.target@harbour-test.example", role: "therapist", hash });
  const patient = db.insert(patients).values({ name: SECRET_PATIENT, nameKey: SECRET_PATIENT.toLowerCase() }).returning({ id: patients.id }).get();
  const plan = db
    .insert(plans)
    .values({ patientId: patient.id, title: "Matrix plan", startDate: "2026-03-02", weeks: 4 })
    .returning({ id: plans.id })
    .get();
  const entry = db
    .select({ id: libraryEntries.id, dose: libraryEntries.defaultDose })
    .from(libraryEntries)
    .where(eq(libraryEntries.slug, "glute-bridge"))
    .get()!;
  const item = db
    .insert(planItems)
    .values({ planId: plan.id, libraryEntryId: entry.id, kind: "exercise", position: 0, dose: entry.dose })
    .returning({ id: planItems.id })
    .get();
  const custom = db
    .insert(libraryEntries)
    .values({
      source: "custom",
      name: "Matrix custom",
      category: "stretch",
      kind: "exercise",
      bodyRegions: ["neck"],
      steps: ["Sit."],
      cautions: [],
      defaultDose: entry.dose,
    })
    .returning({ id: libraryEntries.id })
    .get();
  ids = { patientId: patient.id, planId: plan.id, itemId: item.id, entryId: entry.id, customEntryId: custom.id, targetStaffId: target.id };
  db.$client.close();
});

async function contextFor(browser: Browser, who: Caller) {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, storageState: { cookies: [], origins: [] } });
  if (who === "anonymous") return context;
  const page = await context.newPage();
  await signInAs(page, who === "deactivated" ? emails.deactivated : emails[who], password);
  if (who === "deactivated") {
    // Deactivated with the session still in hand: the app must refuse it anyway.
    const db = openDatabase(E2E_DB, { migrate: false });
    db.update(users).set({ active: false }).where(eq(users.email, emails.deactivated)).run();
    db.$client.close();
  }
  await page.close();
  return context;
}

test("every server action and route handler is in the matrix", () => {
  const actionExports = sourceFiles("app", "actions.ts").flatMap((f) => exportsOf(f, /export async function (\w+)/g));
  expect(actionExports.sort()).toEqual(Object.keys(actions).sort());
  const routeExports = sourceFiles("app", "route.ts").flatMap((f) => exportsOf(f, /export (?:async )?function (GET|POST|PUT|PATCH|DELETE)\b/g));
  expect(routeExports.sort()).toEqual(Object.keys(routes).sort());
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  for (const entry of Object.values(manifest.node)) expect(Object.keys(actions)).toContain(`${entry.filename}#${entry.exportedName}`);
});

test("a raw POST to a server action with no session cookie is refused", async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: { cookies: [], origins: [] } });
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const [id] = Object.entries(manifest.node).find(([, e]) => e.exportedName === "createPatientAction")!;
  const before = countPatients("Raw post patient");
  const res = await callAction(request, id, [null, form({ name: "Raw post patient" })]);
  expect(res.text).toContain("SIGNED_OUT");
  expect(countPatients("Raw post patient")).toBe(before);
});

function lastAuditId() {
  const db = openDatabase(E2E_DB, { migrate: false });
  const id = db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .all()
    .reduce((m, r) => Math.max(m, r.id), 0);
  db.$client.close();
  return id;
}

function userIdOf(email: string) {
  const db = openDatabase(E2E_DB, { migrate: false });
  const id = db.select({ id: users.id }).from(users).where(eq(users.email, email)).get()!.id;
  db.$client.close();
  return id;
}

/** A "denied" audit row written after `after`, by this signed-in caller or (for null) by someone not signed in. */
function deniedRowSince(after: number, actorId: string | null) {
  const db = openDatabase(E2E_DB, { migrate: false });
  const row = db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(
      and(gt(auditEvents.id, after), eq(auditEvents.outcome, "denied"), actorId ? eq(auditEvents.actorId, actorId) : isNull(auditEvents.actorId)),
    )
    .get();
  db.$client.close();
  return !!row;
}

test("first-run setup cannot be run again over HTTP once staff exist", async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, storageState: { cookies: [], origins: [] } });
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const [id] = Object.entries(manifest.node).find(([, e]) => e.exportedName === "setupAction")!;
  const snapshot = () => {
    const db = openDatabase(E2E_DB, { migrate: false });
    const state = {
      staff: db.select({ id: users.id, email: users.email, role: users.role }).from(users).all(),
      clinic: db.select({ name: clinicSettings.name, phone: clinicSettings.phone }).from(clinicSettings).all(),
    };
    db.$client.close();
    return state;
  };
  const before = snapshot();
  expect(before.staff.length).toBeGreaterThan(0);
  const auditBefore = lastAuditId();
  const takeover = {
    clinicName: "Takeover Clinic",
    clinicPhone: "555 0000",
    timeZone: "UTC",
    name: "Intruder",
    email: "intruder@example.com",
    password: "a long enough passphrase",
  };
  // Sent the way React sends a form: the fields first, the arguments ("0") last, so the server sees valid input.
  const body = new FormData();
  for (const [k, v] of Object.entries(takeover)) body.append(`_1_${k}`, v);
  body.append("0", JSON.stringify(["$undefined", "$K1"]));
  const post = await request.post("/setup", {
    headers: { "Next-Action": id, Accept: "text/x-component", Origin: new URL(test.info().project.use.baseURL!).origin },
    multipart: body,
    maxRedirects: 0,
  });
  const res = { status: post.status(), text: await post.text(), redirect: post.headers()["x-action-redirect"] ?? "" };
  expect(res.status).toBeLessThan(500);
  expect(res.text).toContain("already set up");
  expect(res.redirect).toBe("");
  expect(snapshot()).toEqual(before);
  // The attempt is on the record.
  const db = openDatabase(E2E_DB, { migrate: false });
  const rows = db
    .select()
    .from(auditEvents)
    .where(and(gt(auditEvents.id, auditBefore), eq(auditEvents.action, "setup.complete")))
    .all();
  db.$client.close();
  expect(rows).toEqual([expect.objectContaining({ outcome: "refused", actorId: null, address: "127.0.0.1" })]);
  await request.dispose();
});

function countPatients(name: string) {
  const db = openDatabase(E2E_DB, { migrate: false });
  const n = db.select().from(patients).where(eq(patients.name, name)).all().length;
  db.$client.close();
  return n;
}

test("anonymous, deactivated, therapist and admin get exactly what they may", async ({ browser }) => {
  test.setTimeout(120_000);
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const idOf = Object.fromEntries(Object.entries(manifest.node).map(([id, e]) => [`${e.filename}#${e.exportedName}`, id]));
  const failures: string[] = [];
  for (const who of ["anonymous", "deactivated", "therapist", "admin"] as const) {
    const context = await contextFor(browser, who);
    for (const [key, entry] of Object.entries(routes)) {
      const res =
        entry.method === "POST"
          ? await context.request.post(entry.url(ids), { form: { kind: "done", itemId: String(ids.itemId) }, maxRedirects: 0 })
          : await context.request.get(entry.url(ids), { maxRedirects: entry.page ? 0 : undefined });
      const allowed = entry.allow === "public" || (who !== "anonymous" && who !== "deactivated" && entry.allow.includes(who));
      const body = await res.text();
      const toSignIn = entry.page === true && res.status() === 307 && (res.headers()["location"] ?? "").startsWith("/sign-in?next=");
      const refused = res.status() === 401 || res.status() === 403 || toSignIn;
      if (allowed && refused) failures.push(`${who} GET ${key}: refused (${res.status()})`);
      if (!allowed && !refused) failures.push(`${who} GET ${key}: allowed (${res.status()})`);
      if (!allowed && body.includes(SECRET_PATIENT)) failures.push(`${who} GET ${key}: a denial leaked patient data`);
    }
    // Actions after the route handlers, and sign-out last of all: it ends the session the other calls use.
    const order = Object.keys(actions).sort((a, b) => Number(a.endsWith("#signOutAction")) - Number(b.endsWith("#signOutAction")));
    const callerId = who === "therapist" || who === "admin" ? userIdOf(emails[who]) : null;
    for (const key of order) {
      const entry = actions[key];
      const auditBefore = lastAuditId();
      const res = await callAction(context.request, idOf[key], entry.args(ids));
      const allowed = entry.allow === "public" || (who !== "anonymous" && who !== "deactivated" && entry.allow.includes(who));
      const signedOut = res.text.includes('"SIGNED_OUT"');
      const forbidden = res.text.includes('"FORBIDDEN"');
      if (res.status >= 500) failures.push(`${who} ${key}: HTTP ${res.status}`);
      if (allowed && (signedOut || forbidden)) failures.push(`${who} ${key}: refused but should be allowed`);
      if (!allowed && !(signedOut || forbidden)) failures.push(`${who} ${key}: allowed but should be refused (${res.text.slice(0, 120)})`);
      if (!allowed && res.text.includes(SECRET_PATIENT)) failures.push(`${who} ${key}: a denial leaked patient data`);
      // Every refused attempt is on the record: who (or "not signed in") and from which address.
      if (!allowed && !deniedRowSince(auditBefore, callerId)) failures.push(`${who} ${key}: refused without an audit row`);
    }
    await context.close();
  }
  expect(failures).toEqual([]);
});

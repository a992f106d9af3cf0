import { and, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { appendAuditRow } from "@/db/audit-chain";
import { issueDraft } from "@/db/queries/plan-versions";
import { writeStaffUser } from "@/db/credentials";
import { clinicSettings, libraryEntries, patients, planItems, plans, planTemplates, users } from "@/db/schema";
import { planTemplateSchema } from "@/lib/plan-template";
import { buildStarterTemplate, starterTemplates } from "./templates";
import { hashPassword } from "@/lib/password";
import { addDays, todayIn, weekdayIndex } from "@/lib/calendar-date";
import type { AnyDose } from "@/lib/dose";
import { kindForCategory } from "@/lib/library";
import { starterLibrary } from "./library";

export const demoClinic = {
  name: "Riverside Spine & Physio (demo)",
  phone: "(555) 010-4477",
  email: "frontdesk@riverside-demo.example",
  address: "12 Example Lane, Springfield",
  website: "",
  timeZone: "America/New_York",
  handoutFooter: "Questions about your exercises? Call us: we are glad to help.",
};

export const DEMO_PATIENT_NAME = "Dana Whitfield (demo)";

/** Demo sign-ins, printed by scripts/serve.sh. Only the demo seed has a known password. */
export const demoStaff = [
  { name: "Alex Admin (demo)", email: "admin@riverside-demo.example", role: "admin" as const },
  { name: "Terry Therapist (demo)", email: "therapist@riverside-demo.example", role: "therapist" as const },
];
export const DEMO_PASSWORD = "stride-demo-walks";

export type SeedResult = {
  /** The demo clinic, staff and patient were loaded by this run. */
  demoLoaded: boolean;
  /** The demo was asked for but the database holds the clinic's own staff or patients. */
  demoRefused: boolean;
  /** Demo sign-ins (published password) are active in the database after this run. */
  demoAccountsActive: boolean;
};

/**
 * Tops up the starter library and, on a brand-new database only, loads the
 * demo clinic. Safe to run on every start:
 * - starter entries are matched by slug: missing ones are added, and one is
 *   refreshed only while no one has changed it (version 1), so a clinic's
 *   edits are never overwritten;
 * - demo data (staff with a published password, a patient) goes only into a
 *   database with no staff and no patients at all, so re-running the seed on
 *   a clinic's real database adds no demo account, whatever STRIDE_DEMO says.
 */
export async function seedDatabase(db: Db, { demo }: { demo: boolean }): Promise<SeedResult> {
  // Hash before the (synchronous) transaction: better-sqlite3 transactions cannot await.
  const demoHash = demo ? await hashPassword(DEMO_PASSWORD) : "";
  return db.transaction(
    (tx) => {
      for (const entry of starterLibrary) {
        const values = {
          slug: entry.slug,
          source: "starter" as const,
          name: entry.name,
          plainName: entry.plainName ?? "",
          category: entry.category,
          kind: kindForCategory[entry.category],
          bodyRegions: entry.bodyRegions,
          summary: entry.summary,
          steps: entry.steps,
          cautions: entry.cautions,
          defaultDose: entry.defaultDose,
          conflictsWith: entry.conflictsWith ?? [],
          illustration: entry.illustration,
          illustrationAlt: entry.illustrationAlt,
          oneSided: entry.oneSided ?? false,
        };
        tx.insert(libraryEntries)
          .values(values)
          .onConflictDoUpdate({ target: libraryEntries.slug, set: { ...values, updatedAt: new Date() }, setWhere: eq(libraryEntries.version, 1) })
          .run();
      }
      seedStarterTemplates(tx as unknown as Db);
      const empty = !tx.select({ id: users.id }).from(users).limit(1).get() && !tx.select({ id: patients.id }).from(patients).limit(1).get();
      const demoLoaded = demo && empty;
      if (demoLoaded) {
        // A real install names its clinic in first-run setup; only the demo gets a made-up one.
        tx.insert(clinicSettings)
          .values({ id: 1, ...demoClinic })
          .onConflictDoNothing()
          .run();
        const staffIds: string[] = [];
        for (const person of demoStaff) {
          const { id } = writeStaffUser(tx, { ...person, hash: demoHash });
          tx.update(users).set({ isDemo: true }).where(eq(users.id, id)).run();
          staffIds.push(id);
        }
        // The demo therapist gave the demo patient their plan: it is issued as v1, so the patient's link shows it.
        seedDemoPatient(tx as unknown as Db, { userId: staffIds[1], name: demoStaff[1].name });
        appendAuditRow(tx, {
          at: new Date(),
          actorId: null,
          actorName: "Stride setup script",
          action: "demo.load",
          patientId: null,
          planId: null,
          outcome: "ok",
          detail: `${demoStaff.length} demo staff accounts and 1 demo patient`,
          address: null,
        });
      }
      const demoAccountsActive = !!tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.isDemo, true), eq(users.active, true)))
        .limit(1)
        .get();
      const ownRecords =
        !!tx.select({ id: users.id }).from(users).where(eq(users.isDemo, false)).limit(1).get() ||
        !!tx.select({ id: patients.id }).from(patients).where(eq(patients.isDemo, false)).limit(1).get();
      return { demoLoaded, demoRefused: demo && ownRecords, demoAccountsActive };
    },
    { behavior: "immediate" },
  );
}

/**
 * Starter templates, matched by slug like the starter library: missing ones
 * are added, and one is refreshed only while no one has edited it (version 1).
 */
function seedStarterTemplates(db: Db) {
  for (const def of starterTemplates) {
    const document = planTemplateSchema.parse(
      buildStarterTemplate(def, (slug) => {
        const row = db.select().from(libraryEntries).where(eq(libraryEntries.slug, slug)).get();
        if (!row) throw new Error(`Starter template ${def.slug} names an unknown library entry: ${slug}`);
        return row;
      }),
    );
    const values = {
      slug: def.slug,
      ownerId: null,
      title: def.title,
      description: def.description,
      guideline: def.guideline,
      lastReviewed: def.lastReviewed,
      document: JSON.stringify(document),
      createdByName: "Stride starter templates",
    };
    db.insert(planTemplates)
      .values(values)
      .onConflictDoUpdate({ target: planTemplates.slug, set: { ...values, updatedAt: new Date() }, setWhere: eq(planTemplates.version, 1) })
      .run();
  }
}

function seedDemoPatient(db: Db, issuer: { userId: string; name: string }) {
  const patient = db
    .insert(patients)
    .values({
      name: DEMO_PATIENT_NAME,
      nameKey: DEMO_PATIENT_NAME.toLowerCase(),
      dateOfBirth: "1961-04-12",
      phone: "(555) 010-2299",
      condition: "Chronic low-back pain, worse after long days at a desk.",
      notes: "Fictional demo patient.",
      isDemo: true,
    })
    .returning({ id: patients.id })
    .get();
  const today = todayIn(demoClinic.timeZone);
  const nextMonday = addDays(today, (7 - weekdayIndex(today)) % 7);
  const plan = db
    .insert(plans)
    .values({
      patientId: patient.id,
      title: "Back on my feet",
      goal: "Walk my dog for 30 minutes without pain",
      startDate: nextMonday,
      weeks: 6,
      precautions: "Avoid heavy lifting for the first two weeks.",
      status: "active",
    })
    .returning({ id: plans.id })
    .get();
  const picks: { slug: string; dose?: AnyDose }[] = [
    { slug: "steady-walk" },
    { slug: "glute-bridge" },
    { slug: "cat-camel" },
    { slug: "knee-to-chest-stretch" },
    { slug: "chiropractic-adjustment" },
    { slug: "supportive-footwear" },
  ];
  picks.forEach((pick, position) => {
    const entry = db
      .select({ id: libraryEntries.id, kind: libraryEntries.kind, defaultDose: libraryEntries.defaultDose })
      .from(libraryEntries)
      .where(eq(libraryEntries.slug, pick.slug))
      .get();
    if (!entry) return;
    db.insert(planItems)
      .values({ planId: plan.id, libraryEntryId: entry.id, kind: entry.kind, position, dose: pick.dose ?? entry.defaultDose })
      .run();
  });
  issueDraft(db, plan.id, issuer);
}

import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { writeStaffUser } from "@/db/credentials";
import { clinicSettings, libraryEntries, patients, planItems, plans, users } from "@/db/schema";
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

/**
 * Loads clinic settings, the starter library and (optionally) a demo patient.
 * Safe to run again and again: settings are only inserted when missing,
 * starter entries are matched by slug and refreshed, the demo patient is made once.
 */
export async function seedDatabase(db: Db, { demo }: { demo: boolean }) {
  // Hash before the (synchronous) transaction: better-sqlite3 transactions cannot await.
  const demoHash = demo ? await hashPassword(DEMO_PASSWORD) : "";
  db.transaction(
    (tx) => {
      // A real install names its clinic in first-run setup; only the demo gets a made-up one.
      if (demo) tx.insert(clinicSettings).values({ id: 1, ...demoClinic }).onConflictDoNothing().run();
      for (const entry of starterLibrary) {
        const values = {
          slug: entry.slug,
          source: "starter" as const,
          name: entry.name,
          category: entry.category,
          kind: kindForCategory[entry.category],
          bodyRegions: entry.bodyRegions,
          summary: entry.summary,
          steps: entry.steps,
          cautions: entry.cautions,
          defaultDose: entry.defaultDose,
          illustration: entry.illustration,
          illustrationAlt: entry.illustrationAlt,
          oneSided: entry.oneSided ?? false,
        };
        tx.insert(libraryEntries)
          .values(values)
          .onConflictDoUpdate({ target: libraryEntries.slug, set: { ...values, updatedAt: new Date() } })
          .run();
      }
      if (demo) {
        for (const person of demoStaff)
          if (!tx.select({ id: users.id }).from(users).where(eq(users.email, person.email)).get()) writeStaffUser(tx, { ...person, hash: demoHash });
        seedDemoPatient(tx as unknown as Db);
      }
    },
    { behavior: "immediate" },
  );
}

function seedDemoPatient(db: Db) {
  const existing = db.select({ id: patients.id }).from(patients).where(eq(patients.name, DEMO_PATIENT_NAME)).get();
  if (existing) return;
  const patient = db
    .insert(patients)
    .values({
      name: DEMO_PATIENT_NAME,
      nameKey: DEMO_PATIENT_NAME.toLowerCase(),
      dateOfBirth: "1961-04-12",
      phone: "(555) 010-2299",
      condition: "Chronic low-back pain, worse after long days at a desk.",
      notes: "Fictional demo patient.",
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
}

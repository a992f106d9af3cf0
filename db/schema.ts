import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import type { AnyDose, ItemKind } from "@/lib/dose";
import type { BodyRegion, Category } from "@/lib/library";
import { planStatuses } from "@/lib/plan-status";

const timestamps = {
  createdAt: integer("created_at", { mode: "timestamp" })
    .notNull()
    .default(sql`(unixepoch())`),
  updatedAt: integer("updated_at", { mode: "timestamp" })
    .notNull()
    .default(sql`(unixepoch())`),
};

/** One row (id = 1): what every handout prints at the top. */
export const clinicSettings = sqliteTable("clinic_settings", {
  id: integer("id").primaryKey(),
  name: text("name").notNull(),
  phone: text("phone").notNull(),
  email: text("email").notNull().default(""),
  address: text("address").notNull().default(""),
  website: text("website").notNull().default(""),
  /** IANA zone; plan dates are calendar dates in this zone. */
  timeZone: text("time_zone").notNull().default("America/New_York"),
  handoutFooter: text("handout_footer").notNull().default(""),
  updatedAt: timestamps.updatedAt,
});
export type ClinicSettings = typeof clinicSettings.$inferSelect;

export const patients = sqliteTable(
  "patients",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    /** Lower-cased name for case-insensitive search. */
    nameKey: text("name_key").notNull(),
    dateOfBirth: text("date_of_birth"),
    phone: text("phone").notNull().default(""),
    email: text("email").notNull().default(""),
    condition: text("condition").notNull().default(""),
    notes: text("notes").notNull().default(""),
    archivedAt: integer("archived_at", { mode: "timestamp" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("patients_archived_name_idx").on(t.archivedAt, t.nameKey)],
);
export type Patient = typeof patients.$inferSelect;
export type NewPatient = typeof patients.$inferInsert;

export const libraryEntries = sqliteTable(
  "library_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Stable key of a starter entry; null for entries a clinic wrote. */
    slug: text("slug"),
    source: text("source", { enum: ["starter", "custom"] }).notNull(),
    name: text("name").notNull(),
    category: text("category").$type<Category>().notNull(),
    kind: text("kind").$type<ItemKind>().notNull(),
    bodyRegions: text("body_regions", { mode: "json" }).$type<BodyRegion[]>().notNull(),
    summary: text("summary").notNull().default(""),
    steps: text("steps", { mode: "json" }).$type<string[]>().notNull(),
    cautions: text("cautions", { mode: "json" }).$type<string[]>().notNull(),
    defaultDose: text("default_dose", { mode: "json" }).$type<AnyDose>().notNull(),
    /** File name under public/illustrations/, shipped with the app. */
    illustration: text("illustration"),
    illustrationAlt: text("illustration_alt").notNull().default(""),
    retiredAt: integer("retired_at", { mode: "timestamp" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("library_entries_slug_idx").on(t.slug),
    index("library_entries_category_idx").on(t.retiredAt, t.category),
  ],
);
export type LibraryEntry = typeof libraryEntries.$inferSelect;
export type NewLibraryEntry = typeof libraryEntries.$inferInsert;

export const plans = sqliteTable(
  "plans",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    patientId: integer("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    goal: text("goal").notNull().default(""),
    /** Calendar date "YYYY-MM-DD" in the clinic's zone. */
    startDate: text("start_date").notNull(),
    weeks: integer("weeks").notNull(),
    precautions: text("precautions").notNull().default(""),
    notes: text("notes").notNull().default(""),
    status: text("status", { enum: planStatuses }).notNull().default("draft"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("plans_patient_idx").on(t.patientId, t.status)],
);
export type Plan = typeof plans.$inferSelect;
export type NewPlan = typeof plans.$inferInsert;

export const planItems = sqliteTable(
  "plan_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    libraryEntryId: integer("library_entry_id")
      .notNull()
      .references(() => libraryEntries.id, { onDelete: "restrict" }),
    kind: text("kind").$type<ItemKind>().notNull(),
    position: integer("position").notNull(),
    dose: text("dose", { mode: "json" }).$type<AnyDose>().notNull(),
    ...timestamps,
  },
  (t) => [index("plan_items_plan_idx").on(t.planId, t.position)],
);
export type PlanItem = typeof planItems.$inferSelect;
export type NewPlanItem = typeof planItems.$inferInsert;

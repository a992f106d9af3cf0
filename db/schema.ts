import { sql } from "drizzle-orm";
import { blob, index, integer, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { AnyDose, ItemKind } from "@/lib/dose";
import type { BodyRegion, Category } from "@/lib/library";
import type { PlanPhase } from "@/lib/plan-phases";
import type { PrecautionKind } from "@/lib/precautions";
import { planStatuses } from "@/lib/plan-status";
import type { AnyMeasureAnswers, MeasureContext, MeasureId } from "@/lib/measures/schemas";

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
  /** Uploaded logo, kept in the database so a backup of the one file holds everything. */
  logo: blob("logo", { mode: "buffer" }),
  logoType: text("logo_type"),
  idleTimeoutMinutes: integer("idle_timeout_minutes").notNull().default(15),
  absoluteTimeoutHours: integer("absolute_timeout_hours").notNull().default(12),
  /** Flag a plan when the patient has logged nothing for this many days. */
  quietDaysFlag: integer("quiet_days_flag").notNull().default(3),
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
    /** Structured precautions that change what is safe (lib/precautions.ts). */
    precautions: text("precautions", { mode: "json" })
      .$type<PrecautionKind[]>()
      .notNull()
      .default(sql`'[]'`),
    /** Date of the spine surgery, "YYYY-MM-DD", when "spine-surgery" is set. */
    spineSurgeryDate: text("spine_surgery_date"),
    precautionNote: text("precaution_note").notNull().default(""),
    archivedAt: integer("archived_at", { mode: "timestamp" }),
    /** Made by the demo seed: "Remove all demo data" deletes it with its plans, links and logs. */
    isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
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
    /** Everyday words for a jargon name ("buttock stretch"); "" when the name is plain already. */
    plainName: text("plain_name").notNull().default(""),
    category: text("category").$type<Category>().notNull(),
    kind: text("kind").$type<ItemKind>().notNull(),
    bodyRegions: text("body_regions", { mode: "json" }).$type<BodyRegion[]>().notNull(),
    summary: text("summary").notNull().default(""),
    steps: text("steps", { mode: "json" }).$type<string[]>().notNull(),
    cautions: text("cautions", { mode: "json" }).$type<string[]>().notNull(),
    defaultDose: text("default_dose", { mode: "json" }).$type<AnyDose>().notNull(),
    /** Patient precautions this entry conflicts with: the plan editor warns when they meet. */
    conflictsWith: text("conflicts_with", { mode: "json" })
      .$type<PrecautionKind[]>()
      .notNull()
      .default(sql`'[]'`),
    /** File name under public/illustrations/, shipped with the app. */
    illustration: text("illustration"),
    illustrationAlt: text("illustration_alt").notNull().default(""),
    /** Worked one side at a time (a hamstring stretch), so a dose for both sides reads "each side". */
    oneSided: integer("one_sided", { mode: "boolean" }).notNull().default(false),
    retiredAt: integer("retired_at", { mode: "timestamp" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("library_entries_slug_idx").on(t.slug), index("library_entries_category_idx").on(t.retiredAt, t.category)],
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
    /** The template it was started from, if any (a retired template stays readable from here). */
    templateId: integer("template_id").references((): AnySQLiteColumn => planTemplates.id, { onDelete: "set null" }),
    /** Named runs of weeks (lib/plan-phases.ts), in order; empty for a plan without phases. */
    phases: text("phases", { mode: "json" })
      .$type<PlanPhase[]>()
      .notNull()
      .default(sql`'[]'`),
    ...timestamps,
  },
  (t) => [index("plans_patient_idx").on(t.patientId, t.status)],
);
export type Plan = typeof plans.$inferSelect;
export type NewPlan = typeof plans.$inferInsert;

/**
 * A plan template: a plan document without a patient or dates (lib/plan-template.ts).
 * Owned by one therapist (ownerId) or shared clinic-wide (ownerId null);
 * starter templates carry a slug and are topped up by the seed while unedited.
 */
export const planTemplates = sqliteTable(
  "plan_templates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").unique(),
    // No foreign key, like the audit log's actor: staff are deactivated, not deleted.
    ownerId: text("owner_id"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    guideline: text("guideline").notNull().default(""),
    lastReviewed: text("last_reviewed").notNull().default(""),
    /** The template document as JSON (validated by planTemplateSchema when written). */
    document: text("document").notNull(),
    createdByName: text("created_by_name").notNull().default(""),
    retiredAt: integer("retired_at", { mode: "timestamp" }),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [index("plan_templates_owner_idx").on(t.ownerId, t.retiredAt)],
);
export type PlanTemplateRow = typeof planTemplates.$inferSelect;

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
    /** The plan phase (an id in plans.phases) this item belongs to; null when it runs for the whole plan. */
    phaseId: text("phase_id"),
    /** Precaution conflicts the therapist confirmed keeping this item despite (clinical judgement). */
    confirmedConflicts: text("confirmed_conflicts", { mode: "json" })
      .$type<PrecautionKind[]>()
      .notNull()
      .default(sql`'[]'`),
    confirmedBy: text("confirmed_by"),
    confirmedAt: integer("confirmed_at", { mode: "timestamp" }),
    ...timestamps,
  },
  (t) => [index("plan_items_plan_idx").on(t.planId, t.position)],
);
export type PlanItem = typeof planItems.$inferSelect;
export type NewPlanItem = typeof planItems.$inferInsert;

/**
 * An issued version of a plan: the plan document exactly as the patient was
 * given it. Rows are written once and never changed (a later migration adds
 * triggers refusing UPDATE and DELETE), so anything keyed by (plan, number)
 * can be cached forever.
 */
export const planVersions = sqliteTable(
  "plan_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "restrict" }),
    /** 1, 2, 3 ... per plan. */
    number: integer("number").notNull(),
    /** The PlanDocument as JSON text; parsed with planDocumentSchema on read. */
    document: text("document").notNull(),
    /** Staff user id; null when the upgrade issued it. */
    issuedBy: text("issued_by"),
    issuedByName: text("issued_by_name").notNull(),
    issuedAt: integer("issued_at", { mode: "timestamp" }).notNull(),
  },
  (t) => [uniqueIndex("plan_versions_plan_number_idx").on(t.planId, t.number)],
);
export type PlanVersionRow = typeof planVersions.$inferSelect;

/* Staff accounts. The four tables below follow Better Auth's schema (see lib/auth.ts). */
export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
  image: text("image"),
  role: text("role", { enum: ["admin", "therapist"] })
    .notNull()
    .default("therapist"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  /** A demo sign-in with a published password: the app shows a warning banner while one is active. */
  isDemo: integer("is_demo", { mode: "boolean" }).notNull().default(false),
  createdAt: integer("created_at", { mode: "timestamp" }).notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp" }).notNull(),
});
export type User = typeof users.$inferSelect;

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    expiresAt: integer("expires_at", { mode: "timestamp" }).notNull(),
    token: text("token").notNull().unique(),
    createdAt: integer("created_at", { mode: "timestamp" }).notNull(),
    /** Last time the session was used: the idle timeout counts from here. */
    updatedAt: integer("updated_at", { mode: "timestamp" }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const accounts = sqliteTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: integer("access_token_expires_at", { mode: "timestamp" }),
    refreshTokenExpiresAt: integer("refresh_token_expires_at", { mode: "timestamp" }),
    scope: text("scope"),
    password: text("password"),
    createdAt: integer("created_at", { mode: "timestamp" }).notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp" }).notNull(),
  },
  (t) => [index("accounts_user_idx").on(t.userId)],
);

export const verifications = sqliteTable("verifications", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp" }).notNull(),
  createdAt: integer("created_at", { mode: "timestamp" }),
  updatedAt: integer("updated_at", { mode: "timestamp" }),
});

/** Failed sign-ins, per account (email as typed) and per client address, for throttling. */
export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    at: integer("at", { mode: "timestamp" }).notNull(),
  },
  (t) => [index("sign_in_failures_key_idx").on(t.key, t.at), index("sign_in_failures_at_idx").on(t.at)],
);

/** Patient-link requests that opened nothing (unknown, expired or revoked token), per client address, for the miss limit. */
export const shareLinkMisses = sqliteTable(
  "share_link_misses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    address: text("address").notNull(),
    at: integer("at", { mode: "timestamp" }).notNull(),
  },
  (t) => [index("share_link_misses_address_idx").on(t.address, t.at), index("share_link_misses_at_idx").on(t.at)],
);

/**
 * Who read or changed which patient's data, when, and with what outcome, plus
 * security events (sign-ins, refused attempts, staff changes).
 * Append-only: triggers refuse UPDATE, DELETE and an INSERT over an existing id,
 * and each row's `hash` chains it to the row before (see db/audit-chain.ts).
 */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp" }).notNull(),
    actorId: text("actor_id"),
    actorName: text("actor_name").notNull(),
    action: text("action").notNull(),
    patientId: integer("patient_id"),
    planId: integer("plan_id"),
    outcome: text("outcome", { enum: ["ok", "denied", "refused"] }).notNull(),
    detail: text("detail").notNull().default(""),
    /** The client's address, for events a person may not be signed in for (sign-in, refused attempts). */
    address: text("address"),
    /** SHA-256 (hex) over this row's content and the previous row's hash. */
    hash: text("hash"),
  },
  (t) => [
    index("audit_events_patient_idx").on(t.patientId, t.at),
    index("audit_events_actor_idx").on(t.actorId, t.at),
    // The log filtered to one staff member or one patient reads newest first by id: these serve that order without a sort.
    index("audit_events_actor_id_idx").on(t.actorId, t.id),
    index("audit_events_patient_id_idx").on(t.patientId, t.id),
    index("audit_events_at_idx").on(t.at),
  ],
);
export type AuditEvent = typeof auditEvents.$inferSelect;

/**
 * A patient's private link (a capability URL). Only the SHA-256 of the token
 * is kept; the link shows the patient's current active plan.
 */
export const shareLinks = sqliteTable(
  "share_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    patientId: integer("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdBy: text("created_by"),
    createdAt: integer("created_at", { mode: "timestamp" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp" }),
  },
  (t) => [index("share_links_patient_idx").on(t.patientId)],
);
export type ShareLink = typeof shareLinks.$inferSelect;

/** One tick per plan item per calendar day: double taps and two tabs cannot double-count. */
export const itemLogs = sqliteTable(
  "item_logs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    planItemId: integer("plan_item_id")
      .notNull()
      .references(() => planItems.id, { onDelete: "cascade" }),
    /** Calendar date in the clinic's zone. */
    day: text("day").notNull(),
    /** The issued version the patient was looking at when ticking (null for ticks made before versions existed). */
    planVersion: integer("plan_version"),
    createdAt: integer("created_at", { mode: "timestamp" }).notNull(),
  },
  (t) => [uniqueIndex("item_logs_item_day_idx").on(t.planItemId, t.day), index("item_logs_plan_day_idx").on(t.planId, t.day)],
);

/** The patient's pain score (0-10) and a short comment, one per plan per day (the latest wins). */
export const painLogs = sqliteTable(
  "pain_logs",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
    score: integer("score").notNull(),
    comment: text("comment").notNull().default(""),
    /** The issued version shown when the score was saved (null before versions existed). */
    planVersion: integer("plan_version"),
    updatedAt: integer("updated_at", { mode: "timestamp" }).notNull(),
  },
  (t) => [uniqueIndex("pain_logs_plan_day_idx").on(t.planId, t.day)],
);

/**
 * One outcome measure taken for a patient: the answers as given (JSON, in the
 * measure's schema shape) and the score at full precision (rounded only for display).
 * Filled by staff from the paper form, or by the patient on their link (then
 * with the plan and the plan week it answers).
 */
export const measureResults = sqliteTable(
  "measure_results",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    patientId: integer("patient_id")
      .notNull()
      .references(() => patients.id, { onDelete: "restrict" }),
    measure: text("measure").$type<MeasureId>().notNull(),
    context: text("context").$type<MeasureContext>().notNull(),
    /** Calendar date in the clinic's zone, never in the future. */
    takenOn: text("taken_on").notNull(),
    answers: text("answers", { mode: "json" }).$type<AnyMeasureAnswers>().notNull(),
    score: real("score").notNull(),
    source: text("source", { enum: ["staff", "link"] }).notNull(),
    /** A staff user id, or "link:<id>" for the patient's link. */
    recordedBy: text("recorded_by").notNull(),
    planId: integer("plan_id").references(() => plans.id, { onDelete: "set null" }),
    /** For a link fill: which requested plan week it answers. */
    planWeek: integer("plan_week"),
    createdAt: integer("created_at", { mode: "timestamp" }).notNull(),
  },
  (t) => [
    index("measure_results_patient_idx").on(t.patientId, t.measure, t.takenOn),
    index("measure_results_plan_idx").on(t.planId, t.measure, t.planWeek),
  ],
);
export type MeasureResult = typeof measureResults.$inferSelect;

/** Which measures a plan asks the patient to fill on their link, and at which plan weeks (0 = the start). */
export const planMeasureRequests = sqliteTable(
  "plan_measure_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    planId: integer("plan_id")
      .notNull()
      .references(() => plans.id, { onDelete: "cascade" }),
    measure: text("measure").$type<MeasureId>().notNull(),
    weeks: text("weeks", { mode: "json" }).$type<number[]>().notNull(),
  },
  (t) => [uniqueIndex("plan_measure_requests_plan_measure_idx").on(t.planId, t.measure)],
);

/**
 * The clinic's own licensed wording for a copyrighted measure (ODI, NDI),
 * pasted by an admin so patients can fill it on their link. Stride ships none.
 */
export const measureTexts = sqliteTable("measure_texts", {
  measure: text("measure").$type<MeasureId>().primaryKey(),
  body: text("body").notNull(),
  updatedBy: text("updated_by").notNull(),
  updatedAt: integer("updated_at", { mode: "timestamp" }).notNull(),
});

/**
 * A therapist's usual dose for one library entry ("my usual knee-to-chest"):
 * adding that entry to a plan later starts from it instead of the library's default.
 */
export const doseDefaults = sqliteTable(
  "dose_defaults",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // No foreign key, like plan_templates.owner_id: staff are deactivated, not deleted.
    userId: text("user_id").notNull(),
    libraryEntryId: integer("library_entry_id")
      .notNull()
      .references(() => libraryEntries.id, { onDelete: "cascade" }),
    dose: text("dose", { mode: "json" }).$type<AnyDose>().notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex("dose_defaults_user_entry_idx").on(t.userId, t.libraryEntryId)],
);
export type DoseDefault = typeof doseDefaults.$inferSelect;

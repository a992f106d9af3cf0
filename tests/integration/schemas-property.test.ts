import fc from "fast-check";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { ZodError, type ZodType } from "zod";
import { getDb } from "@/db";
import { listAuditEvents } from "@/db/queries/audit";
import { updateClinicProfile } from "@/db/queries/clinic";
import { createCustomEntry, listLibraryEntries } from "@/db/queries/library";
import { createPatient, listPatients, updatePatient } from "@/db/queries/patients";
import { addPlanItem, createPlan, reorderPlanItems, setPlanStatus, updatePlan, updatePlanItemDose } from "@/db/queries/plans";
import { createShareLink, recordPatientLog } from "@/db/queries/share-links";
import { ForbiddenError } from "@/lib/authz";
import { doseSchemaByKind, type ItemKind } from "@/lib/dose";
import { ConflictError, NotFoundError, RuleError } from "@/lib/errors";
import { auditDateBounds, auditFilterSchema } from "@/lib/schemas/audit";
import { setupSchema, signInSchema } from "@/lib/schemas/auth";
import { clinicProfileSchema } from "@/lib/schemas/clinic";
import { libraryEntrySchema, librarySearchSchema } from "@/lib/schemas/library-entry";
import { patientSchema, patientSearchSchema } from "@/lib/schemas/patient";
import { patientLogSchema } from "@/lib/schemas/patient-log";
import { planItemOrderSchema, planSchema, planStatusSchema } from "@/lib/schemas/plan";
import { shareLinkDaysSchema } from "@/lib/schemas/share-link";
import { addStaffSchema, resetPasswordSchema, roleSchema, staffIdSchema } from "@/lib/schemas/staff";
import { admin, entryId, staff, uniqueName } from "./helpers";

/**
 * Every zod schema behind a server action or route handler, fed 1,000
 * generated inputs each (form-shaped records with hostile values, and
 * arbitrary values). None may throw anything but a refusal the action layer
 * turns into a message, and a refused write leaves every table's row count as
 * it was (audit rows and address-miss counters are meant to grow).
 */
const RUNS = 1000;

const hostile = fc.constantFrom(
  "",
  " ",
  "0",
  "-1",
  "1.5",
  "1e999",
  "NaN",
  "Infinity",
  "2026-02-30",
  "9999-12-31",
  "\u0000",
  "'; drop table patients; --",
  '"',
  '""',
  "*",
  "NEAR(a b)",
  'a" OR "b',
  "%_\\",
  "\u{1F9B5}",
  "x".repeat(5000),
  "__proto__",
  "constructor",
);
// Patient-list cursors ("name|id"): well-formed ones with odd names and ids, and near misses.
const cursorText = fc.oneof(
  fc.tuple(fc.oneof(fc.string({ maxLength: 20 }), hostile), fc.integer({ min: -5, max: Number.MAX_SAFE_INTEGER })).map(([key, id]) => `${key}|${id}`),
  hostile,
);
const scalar = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  hostile,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const value = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), scalar, { maxKeys: 3 }) },
);

/** Records with the schema's own keys (some with plausible values), or anything at all. */
function inputs(keys: string[], plausible: Record<string, fc.Arbitrary<unknown>> = {}): fc.Arbitrary<unknown> {
  const fields = Object.fromEntries(keys.map((k) => [k, plausible[k] ? fc.oneof(value, plausible[k], plausible[k]) : value]));
  return fc.oneof({ weight: 4, arbitrary: fc.record(fields, { requiredKeys: [] }) }, { weight: 1, arbitrary: fc.anything() });
}
type Shaped = { shape?: Record<string, unknown>; in?: Shaped };
/** The object's keys, looking through a transform (a pipe) to the object it starts from. */
const keysOf = (schema: ZodType): string[] => {
  const s = schema as unknown as Shaped;
  const keys = Object.keys(s.shape ?? s.in?.shape ?? {});
  if (keys.length === 0) throw new Error("This schema has no object keys to generate inputs for.");
  return keys;
};

const refusals = [ZodError, RuleError, ConflictError, NotFoundError, ForbiddenError];
const isRefusal = (error: unknown) => refusals.some((E) => error instanceof E);

function rowCounts() {
  const tables = [
    "patients",
    "plans",
    "plan_items",
    "library_entries",
    "share_links",
    "item_logs",
    "pain_logs",
    "clinic_settings",
    "users",
    "accounts",
    "sessions",
  ];
  return getDb().get<Record<string, number>>(sql.raw(`select ${tables.map((t) => `(select count(*) from ${t}) as ${t}`).join(", ")}`));
}

/** Runs `body` on each input: it succeeds, or refuses cleanly and leaves every count as it was. */
function check<T>(arbitrary: fc.Arbitrary<T>, body: (input: T) => unknown) {
  fc.assert(
    fc.property(arbitrary, (input) => {
      const before = rowCounts();
      let refused = false;
      try {
        const result = body(input);
        refused = result === false;
      } catch (error) {
        if (!isRefusal(error)) throw error;
        refused = true;
      }
      if (refused) expect(rowCounts()).toEqual(before);
    }),
    { numRuns: RUNS },
  );
}

const calendarDay = fc
  .date({ min: new Date("1890-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
let patientId = 0;
let planId = 0;
let statusPlanId = 0;
const itemByKind = {} as Record<ItemKind, number>;
let token = "";

beforeAll(() => {
  patientId = createPatient({ actor: staff, input: patientSchema.parse({ name: uniqueName("Property patient") }) }).id;
  planId = createPlan({ actor: staff, patientId, input: planSchema.parse({ title: "Property plan", startDate: "2026-03-02", weeks: "12" }) }).id;
  statusPlanId = createPlan({ actor: staff, patientId, input: planSchema.parse({ title: "Status plan", startDate: "2026-03-02", weeks: "4" }) }).id;
  const slugs: Record<ItemKind, string> = {
    exercise: "glute-bridge",
    walking: "steady-walk",
    visit: "chiropractic-adjustment",
    education: "supportive-footwear",
  };
  for (const kind of Object.keys(slugs) as ItemKind[])
    itemByKind[kind] = addPlanItem({ actor: staff, planId, libraryEntryId: entryId(slugs[kind]) }).id;
  setPlanStatus({ actor: staff, id: planId, status: "active" });
  token = createShareLink({ actor: staff, patientId, days: 30 }).token;
});

describe("property: schemas behind actions and routes (1,000 inputs each)", { timeout: 180_000 }, () => {
  it("patient form: create and update", () => {
    const plausible = {
      name: fc.string({ minLength: 1, maxLength: 130 }),
      dateOfBirth: calendarDay,
      email: fc.emailAddress(),
      phone: fc.stringMatching(/^[0-9 +()-]{3,45}$/),
    };
    check(inputs(keysOf(patientSchema), plausible), (x) => createPatient({ actor: staff, input: patientSchema.parse(x) }));
    check(fc.tuple(inputs(keysOf(patientSchema), plausible), fc.integer({ min: 1, max: 4 })), ([x, version]) =>
      updatePatient({ actor: staff, id: patientId, version, input: patientSchema.parse(x) }),
    );
  });

  it("patient search and paging (trigram index)", () => {
    check(inputs(keysOf(patientSearchSchema), { q: fc.string({ maxLength: 20 }), after: cursorText, before: cursorText }), (x) => {
      const { q, after, before, archived } = patientSearchSchema.parse(x);
      listPatients({ actor: staff, q, after, before, archived: archived === "1" });
    });
  });

  it("plan form: create and update, status changes, item order", () => {
    const plausible = {
      title: fc.string({ minLength: 1, maxLength: 130 }),
      startDate: calendarDay,
      weeks: fc.integer({ min: -2, max: 60 }).map(String),
    };
    check(inputs(keysOf(planSchema), plausible), (x) => createPlan({ actor: staff, patientId, input: planSchema.parse(x) }));
    check(fc.tuple(inputs(keysOf(planSchema), plausible), fc.integer({ min: 1, max: 30 })), ([x, version]) =>
      updatePlan({ actor: staff, id: planId, version, input: planSchema.parse(x) }),
    );
    check(fc.oneof(value, fc.constantFrom("draft", "active", "completed", "archived")), (x) =>
      setPlanStatus({ actor: staff, id: statusPlanId, status: planStatusSchema.parse(x) }),
    );
    const ids = Object.values(itemByKind);
    check(fc.oneof(value, fc.array(fc.integer(), { maxLength: 6 }), fc.shuffledSubarray(ids), fc.constant(ids)), (x) =>
      reorderPlanItems({ actor: staff, planId, itemIds: planItemOrderSchema.parse(x) }),
    );
  });

  it("dose of each kind of item", () => {
    for (const kind of Object.keys(itemByKind) as ItemKind[]) {
      const schema = doseSchemaByKind[kind] as unknown as ZodType;
      const keys = "shape" in schema ? keysOf(schema) : [];
      const plausible = {
        reps: fc.integer({ min: -1, max: 200 }),
        sets: fc.integer({ min: -1, max: 20 }),
        minutes: fc.integer({ min: -1, max: 300 }),
        spans: fc.array(fc.record({ perWeek: fc.integer({ min: 0, max: 8 }), weeks: fc.integer({ min: 0, max: 20 }) }), { maxLength: 4 }),
      };
      check(fc.oneof(inputs(keys, plausible), fc.constant(null)), (dose) =>
        updatePlanItemDose({ actor: staff, planId, itemId: itemByKind[kind], dose }),
      );
    }
  });

  it("library entry form and library search (FTS5 with typo fallback)", () => {
    const plausible = {
      name: fc.string({ minLength: 1, maxLength: 130 }),
      category: fc.constantFrom("stretch", "strengthen", "walking", "mobility"),
      bodyRegions: fc.array(fc.constantFrom("neck", "low-back", "hip"), { maxLength: 3 }),
      steps: fc.string({ maxLength: 200 }),
    };
    check(inputs(keysOf(libraryEntrySchema), plausible), (x) => createCustomEntry({ actor: admin, input: libraryEntrySchema.parse(x) }));
    check(
      inputs(keysOf(librarySearchSchema), {
        q: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("hamstrng", "brige strech", '"bridge', "NEAR(", "a* OR b", "x AND")),
      }),
      (x) => {
        const { q, category, region, retired } = librarySearchSchema.parse(x);
        listLibraryEntries({ actor: staff, q, category, region, retired: retired === "1", limit: 50 });
      },
    );
  });

  it("clinic profile form", () => {
    check(
      inputs(keysOf(clinicProfileSchema), {
        name: fc.string({ minLength: 1, maxLength: 50 }),
        timeZone: fc.constantFrom("UTC", "America/New_York", "Mars/Olympus"),
      }),
      (x) => updateClinicProfile({ actor: admin, input: clinicProfileSchema.parse(x) }),
    );
  });

  it("share link length and the patient's log form", () => {
    check(inputs(keysOf(shareLinkDaysSchema), { days: fc.integer({ min: -5, max: 200 }).map(String) }), (x) =>
      createShareLink({ actor: staff, patientId, days: shareLinkDaysSchema.parse(x).days }),
    );
    const kinds = fc.constantFrom("done", "undo", "pain", "other");
    const ids = fc.oneof(fc.constantFrom(...Object.values(itemByKind).map(String)), fc.integer().map(String));
    check(inputs(["kind", "itemId", "score", "comment"], { kind: kinds, itemId: ids, score: fc.integer({ min: -2, max: 12 }).map(String) }), (x) =>
      recordPatientLog({ token, input: patientLogSchema.parse(x), address: "203.0.113.7" }),
    );
  });

  it("audit log filters", () => {
    check(
      inputs(keysOf(auditFilterSchema), {
        patient: fc.oneof(fc.constant(String(patientId)), fc.nat().map(String)),
        from: calendarDay,
        to: calendarDay,
        older: fc.nat().map(String),
        newer: fc.nat().map(String),
      }),
      (x) => {
        const f = auditFilterSchema.parse(x);
        const bounds = auditDateBounds({ from: f.from, to: f.to }, "America/New_York");
        listAuditEvents({ actor: admin, patientId: f.patient, actorId: f.staff, from: bounds.from, to: bounds.to, older: f.older, newer: f.newer });
      },
    );
  });

  it("sign-in, first-run setup and staff forms parse without crashing (their writes hash passwords: covered by their own tests)", () => {
    for (const schema of [signInSchema, setupSchema, addStaffSchema, resetPasswordSchema] as ZodType[])
      fc.assert(
        fc.property(inputs(keysOf(schema)), (x) => void schema.safeParse(x)),
        { numRuns: RUNS },
      );
    for (const schema of [roleSchema, staffIdSchema] as ZodType[])
      fc.assert(
        fc.property(value, (x) => void schema.safeParse(x)),
        { numRuns: RUNS },
      );
  });
});

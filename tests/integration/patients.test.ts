import { describe, expect, it } from "vitest";
import { COUNT_CAP, createPatient, getPatient, listPatients, setPatientArchived, updatePatient } from "@/db/queries/patients";
import { ForbiddenError } from "@/lib/authz";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { patientSchema } from "@/lib/schemas/patient";
import { inactive, staff, uniqueName } from "./helpers";

const input = (name: string) => patientSchema.parse({ name });

describe("patients", () => {
  it("adds, finds by any part of the name, edits and archives a patient", () => {
    const name = uniqueName("Harriet Okafor");
    const { id } = createPatient({ actor: staff, input: patientSchema.parse({ name, phone: "555 0100", dateOfBirth: "1950-02-03" }) });
    expect(getPatient({ actor: staff, id })).toMatchObject({ name, phone: "555 0100", dateOfBirth: "1950-02-03", archivedAt: null });

    const found = listPatients({ actor: staff, q: "okaFOR" });
    expect(found.rows.map((r) => r.id)).toContain(id);

    updatePatient({ actor: staff, id, version: 1, input: patientSchema.parse({ name, condition: "Neck pain" }) });
    expect(getPatient({ actor: staff, id })).toMatchObject({ condition: "Neck pain", version: 2 });

    setPatientArchived({ actor: staff, id, archived: true });
    expect(listPatients({ actor: staff, q: name }).rows).toHaveLength(0);
    expect(listPatients({ actor: staff, q: name, archived: true }).rows.map((r) => r.id)).toEqual([id]);
    setPatientArchived({ actor: staff, id, archived: false });
    expect(listPatients({ actor: staff, q: name }).rows.map((r) => r.id)).toEqual([id]);
  });

  it("refuses a stale edit instead of overwriting someone else's", () => {
    const { id } = createPatient({ actor: staff, input: input(uniqueName("Stale")) });
    updatePatient({ actor: staff, id, version: 1, input: input("First edit") });
    expect(() => updatePatient({ actor: staff, id, version: 1, input: input("Second edit") })).toThrow(ConflictError);
    expect(getPatient({ actor: staff, id }).name).toBe("First edit");
  });

  it("treats LIKE wildcards in a search as plain text", () => {
    const { id } = createPatient({ actor: staff, input: input(uniqueName("Percy 100%")) });
    createPatient({ actor: staff, input: input(uniqueName("Percy 1000")) });
    const rows = listPatients({ actor: staff, q: "100%" }).rows;
    expect(rows.map((r) => r.id)).toEqual([id]);
  });

  it("pages forward and back by cursor, every patient once and in name order, same names ordered by id", () => {
    const prefix = uniqueName("Paging");
    // Three patients share each name, and names are created out of order, so ties and sorting both matter.
    const made: { id: number; name: string }[] = [];
    for (const i of [7, 2, 9, 0, 4, 1, 8, 3, 6, 5, 10, 11])
      for (let twin = 0; twin < 3; twin++) {
        const name = `${prefix} ${String(i).padStart(2, "0")}`;
        made.push({ id: createPatient({ actor: staff, input: input(name) }).id, name });
      }
    const expected = made.toSorted((a, b) => a.name.localeCompare(b.name) || a.id - b.id).map((p) => p.id);

    const forward: number[][] = [];
    let page = listPatients({ actor: staff, q: prefix, pageSize: 5 });
    expect(page.previous).toBeNull();
    for (;;) {
      forward.push(page.rows.map((r) => r.id));
      if (!page.next) break;
      page = listPatients({ actor: staff, q: prefix, pageSize: 5, after: page.next });
      expect(page.previous).not.toBeNull();
    }
    expect(forward.flat()).toEqual(expected);
    expect(forward.map((ids) => ids.length)).toEqual([5, 5, 5, 5, 5, 5, 5, 1]);
    expect(page.total).toBe(36);

    const backward: number[][] = [page.rows.map((r) => r.id)];
    while (page.previous) {
      page = listPatients({ actor: staff, q: prefix, pageSize: 5, before: page.previous });
      expect(page.next).not.toBeNull();
      backward.unshift(page.rows.map((r) => r.id));
    }
    expect(backward).toEqual(forward);
  });

  it("pages back to a full first page when rows before the cursor were removed", () => {
    const prefix = uniqueName("Backfill");
    const ids = Array.from({ length: 6 }, (_, i) => createPatient({ actor: staff, input: input(`${prefix} ${i}`) }).id);
    const second = listPatients({ actor: staff, q: prefix, pageSize: 3, after: listPatients({ actor: staff, q: prefix, pageSize: 3 }).next! });
    setPatientArchived({ actor: staff, id: ids[0], archived: true });
    const back = listPatients({ actor: staff, q: prefix, pageSize: 3, before: second.previous! });
    expect(back.rows.map((r) => r.id)).toEqual(ids.slice(1, 4));
    expect(back.previous).toBeNull();
    expect(back.next).toEqual({ key: `${prefix} 3`.toLowerCase(), id: ids[3] });
  });

  it("finds a name by any part of it through the index, short searches included, and follows renames", () => {
    const name = uniqueName("Wilhelmina Quartermaine");
    const { id } = createPatient({ actor: staff, input: input(name) });
    for (const q of ["lmina quart", "QUARTERMAINE", "Wi", "e"])
      expect(listPatients({ actor: staff, q, pageSize: 100_000 }).rows.map((r) => r.id)).toContain(id);
    expect(listPatients({ actor: staff, q: "quartermainx" }).rows).toEqual([]);
    expect(listPatients({ actor: staff, q: 'mina "quart' }).rows).toEqual([]);
    updatePatient({ actor: staff, id, version: 1, input: input(uniqueName("Wilhelmina Brackenbury")) });
    expect(listPatients({ actor: staff, q: "quartermaine" }).rows).toEqual([]);
    expect(listPatients({ actor: staff, q: "brackenbury" }).rows.map((r) => r.id)).toEqual([id]);
  });

  it("stops counting at the cap and still offers the next page", () => {
    const prefix = uniqueName("Capped");
    for (let i = 0; i < 30; i++) createPatient({ actor: staff, input: input(`${prefix} ${String(i).padStart(3, "0")}`) });
    const page = listPatients({ actor: staff, q: prefix, pageSize: 10 });
    expect(page).toMatchObject({ total: 30, more: false, previous: null });
    expect(page.next).not.toBeNull();
    const all = listPatients({ actor: staff, pageSize: 10 });
    expect(all.total).toBeLessThanOrEqual(COUNT_CAP);
    expect(all.more).toBe(all.total >= COUNT_CAP);
  });

  it("answers unknown ids with NotFound and refuses a deactivated actor", () => {
    expect(() => getPatient({ actor: staff, id: 999_999 })).toThrow(NotFoundError);
    expect(() => listPatients({ actor: inactive })).toThrow(ForbiddenError);
    expect(() => createPatient({ actor: inactive, input: input("Nobody") })).toThrow(ForbiddenError);
  });
});

describe("patientSchema", () => {
  it("requires a name and explains bad optional fields", () => {
    const r = patientSchema.safeParse({ name: "  ", email: "not-an-email", dateOfBirth: "2020-02-30", phone: "call me" });
    expect(r.success).toBe(false);
    const paths = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(paths.name).toBe("Name is required.");
    expect(paths.email).toMatch(/email address/);
    expect(paths.dateOfBirth).toMatch(/real date/);
    expect(paths.phone).toMatch(/digits/);
  });

  it("refuses a date of birth in the future", () => {
    const r = patientSchema.safeParse({ name: "Future", dateOfBirth: "2999-01-01" });
    expect(r.success).toBe(false);
  });
});

describe("patient precautions", () => {
  it("keeps the ticked precautions, the surgery date and the free text, and shows them back", () => {
    const name = uniqueName("Precaution patient");
    const { id } = createPatient({
      actor: staff,
      input: patientSchema.parse({
        name,
        precautions: ["pregnancy", "spine-surgery"],
        spineSurgeryDate: "2025-11-03",
        precautionNote: "No lifting over 5 kg",
      }),
    });
    // Stored in the fixed order of the list, whatever order the form sent.
    expect(getPatient({ actor: staff, id })).toMatchObject({
      precautions: ["pregnancy", "spine-surgery"],
      spineSurgeryDate: "2025-11-03",
      precautionNote: "No lifting over 5 kg",
    });
    updatePatient({
      actor: staff,
      id,
      version: 1,
      input: patientSchema.parse({ name, precautions: ["osteoporosis"], spineSurgeryDate: "2025-11-03" }),
    });
    // Unticking the surgery drops its date.
    expect(getPatient({ actor: staff, id })).toMatchObject({ precautions: ["osteoporosis"], spineSurgeryDate: null, precautionNote: "" });
  });

  it("asks for the surgery date when spine surgery is ticked and refuses unknown precautions", () => {
    const noDate = patientSchema.safeParse({ name: "Surgery", precautions: ["spine-surgery"] });
    expect(noDate.success).toBe(false);
    expect(noDate.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([["spineSurgeryDate", "Give the date of the spine surgery."]]);
    expect(patientSchema.safeParse({ name: "Odd", precautions: ["jetpack"] }).success).toBe(false);
    expect(patientSchema.safeParse({ name: "Later", precautions: ["spine-surgery"], spineSurgeryDate: "2999-01-01" }).success).toBe(false);
  });
});

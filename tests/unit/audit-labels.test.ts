import { describe, expect, it } from "vitest";
import { auditActionLabel, auditOutcomeLabel, formatAuditTime } from "@/lib/audit-labels";
import { auditDateBounds, auditFilterSchema, startOfDayIn } from "@/lib/schemas/audit";

describe("audit labels", () => {
  it("says what happened in plain English", () => {
    expect(auditActionLabel("plan.print")).toBe("Printed a handout");
    expect(auditActionLabel("plan.item.dose")).toBe("Changed a dose");
    expect(auditActionLabel("patient.view")).toBe("Opened a patient record");
    expect(auditActionLabel("plan.status.active")).toBe("Made a plan active");
    expect(auditActionLabel("audit.view")).toBe("Looked at the audit log");
  });

  it("shows an unknown code as it is, including names of Object's own properties", () => {
    expect(auditActionLabel("made.up.code")).toBe("made.up.code");
    expect(auditActionLabel("toString")).toBe("toString");
    expect(auditActionLabel("")).toBe("");
  });

  it("labels each outcome", () => {
    expect(auditOutcomeLabel("ok")).toBe("Done");
    expect(auditOutcomeLabel("denied")).toBe("Not allowed");
    expect(auditOutcomeLabel("refused")).toBe("Refused (bad input or conflict)");
    expect(auditOutcomeLabel("constructor")).toBe("constructor");
  });

  it("formats the time on the clinic's clock, with seconds", () => {
    const at = new Date("2026-03-02T19:05:09Z");
    expect(formatAuditTime(at, "America/New_York")).toBe("Mar 2, 2026, 2:05:09 PM");
    expect(formatAuditTime(at, "Europe/Berlin")).toBe("Mar 2, 2026, 8:05:09 PM");
    expect(formatAuditTime(at, "Not/AZone")).toBe("Mar 2, 2026, 7:05:09 PM UTC");
  });
});

describe("audit filters", () => {
  it("reads well-formed filters from the URL", () => {
    expect(auditFilterSchema.parse({ patient: "12", staff: " user-1 ", from: "2026-03-01", to: "2026-03-31", older: "3" })).toEqual({
      patient: 12,
      staff: "user-1",
      from: "2026-03-01",
      to: "2026-03-31",
      older: 3,
      newer: undefined,
    });
  });

  it("treats malformed values as not set", () => {
    const bad = auditFilterSchema.parse({ patient: "-4", staff: "", from: "2026-02-30", to: "yesterday", older: "0", newer: "x" });
    expect(bad).toEqual({ patient: undefined, staff: undefined, from: undefined, to: undefined, older: undefined, newer: undefined });
    for (const patient of ["0", "1.5", "abc", "", "1e400", ["1", "2"]]) {
      expect(auditFilterSchema.parse({ patient }).patient, String(patient)).toBeUndefined();
    }
    expect(auditFilterSchema.parse({ staff: ["a", "b"], from: "9999-12-31", to: "0001-01-01" })).toMatchObject({
      staff: undefined,
      from: undefined,
      to: undefined,
    });
    expect(auditFilterSchema.parse({})).toEqual({});
  });

  it("starts a day at the clinic's midnight, through daylight-saving changes", () => {
    expect(startOfDayIn("2026-03-02", "UTC").toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(startOfDayIn("2026-03-02", "America/New_York").toISOString()).toBe("2026-03-02T05:00:00.000Z");
    expect(startOfDayIn("2026-07-02", "America/New_York").toISOString()).toBe("2026-07-02T04:00:00.000Z");
    // The days clocks change in Berlin: the day starts at the old offset.
    expect(startOfDayIn("2026-03-29", "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDayIn("2026-03-30", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfDayIn("2026-10-25", "Europe/Berlin").toISOString()).toBe("2026-10-24T22:00:00.000Z");
    expect(startOfDayIn("2026-03-02", "Asia/Kolkata").toISOString()).toBe("2026-03-01T18:30:00.000Z");
    expect(startOfDayIn("2026-03-02", "Pacific/Kiritimati").toISOString()).toBe("2026-03-01T10:00:00.000Z");
    // Santiago skips midnight on 2025-09-07: the day begins when the clock jumps to 01:00.
    expect(startOfDayIn("2025-09-07", "America/Santiago").toISOString()).toBe("2025-09-07T04:00:00.000Z");
    expect(startOfDayIn("2025-09-08", "America/Santiago").toISOString()).toBe("2025-09-08T03:00:00.000Z");
  });

  it("bounds a range from the start of the first day to the start of the day after the last", () => {
    expect(auditDateBounds({ from: "2026-03-01", to: "2026-03-31" }, "America/New_York")).toEqual({
      from: new Date("2026-03-01T05:00:00.000Z"),
      to: new Date("2026-04-01T04:00:00.000Z"),
    });
    expect(auditDateBounds({}, "UTC")).toEqual({ from: undefined, to: undefined });
  });
});

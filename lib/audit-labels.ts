/**
 * Plain-English wording for the audit log. The codes stay terse in the
 * database so they can be filtered and counted; admins read these instead.
 */
export type AuditOutcome = "ok" | "denied" | "refused";

const actionLabels: Record<string, string> = {
  "patient.list": "Looked at the patient list",
  "patient.list-archived": "Looked at the archived patients",
  "patient.view": "Opened a patient record",
  "patient.create": "Added a patient",
  "patient.update": "Edited a patient's details",
  "patient.archive": "Archived a patient",
  "patient.restore": "Restored an archived patient",
  "plan.list": "Looked at a patient's plans",
  "plan.view": "Opened a plan",
  "plan.print": "Printed a handout",
  "plan.calendar": "Downloaded a calendar file",
  "plan.adherence": "Viewed how the patient is doing",
  "share.create": "Made a link for the patient",
  "share.list": "Listed the patient's links",
  "share.revoke": "Turned off a patient's link",
  "share.view": "Patient opened their plan",
  "share.calendar": "Patient downloaded the calendar",
  "share.log.done": "Patient ticked an item",
  "share.log.undo": "Patient took a tick back",
  "share.log.pain": "Patient recorded pain",
  "share.log.refused": "Patient's tick was refused (not on this week's list)",
  "plan.create": "Started a new plan",
  "plan.update": "Edited a plan",
  "plan.duplicate": "Copied a plan",
  "plan.item.add": "Added an item to a plan",
  "plan.item.dose": "Changed a dose",
  "plan.item.remove": "Removed an item from a plan",
  "plan.item.reorder": "Reordered a plan's items",
  "plan.phases": "Changed a plan's phases",
  "plan.item.phase": "Moved an item to another phase",
  "plan.item.keep-despite-precaution": "Kept an item despite a precaution",
  "plan.item.days-all": "Set days per week for all of a plan's exercises",
  "dose-default.save": "Saved a dose as their usual one for a library entry",
  "dose-default.forget": "Forgot their usual dose for a library entry",
  "plan.status.draft": "Restored a plan as a draft",
  "plan.status.active": "Made a plan active",
  "plan.status.completed": "Marked a plan completed",
  "plan.status.archived": "Archived a plan",
  "audit.view": "Looked at the audit log",
  "clinic.update": "Changed the clinic profile",
  "clinic.logo.set": "Changed the clinic logo",
  "clinic.logo.remove": "Removed the clinic logo",
  "plan.status": "Changed a plan's status",
  "library.create": "Added a library entry",
  "library.update": "Edited a library entry",
  "library.retire": "Retired a library entry",
  "library.restore": "Brought back a retired library entry",
  "staff.add": "Added a staff member",
  "staff.role": "Changed a staff member's role",
  "staff.password": "Set a new password for a staff member",
  "staff.deactivate": "Deactivated a staff account",
  "staff.reactivate": "Reactivated a staff account",
  "auth.sign-in": "Signed in (or tried to)",
  "auth.sign-out": "Signed out",
  "auth.session-expired": "Was signed out: the session ended",
  "setup.complete": "Set up the clinic and its first admin (or tried to)",
  "demo.load": "Loaded the demo clinic into an empty database",
  "demo.remove": "Removed all demo data",
  "measure.list": "Looked at a patient's outcome measures",
  "measure.record": "Recorded an outcome measure",
  "measure.requests.set": "Chose which measures the patient's link asks for",
  "measure.requests.view": "Looked at which measures the patient's link asks for",
  "measure.texts.update": "Changed the clinic's licensed measure wording",
  "measure.texts.view": "Looked at the clinic's licensed measure wording",
  "share.measures.view": "Patient opened the measures their plan asks for",
  "share.measure.record": "Patient filled in a measure",
  "share.measure.refused": "Patient's measure answers were refused",
  "share.measure.not-due": "Patient sent a measure that was not due",
  "patient.export.fhir": "Downloaded the patient's FHIR record",
  "patient.export": "Downloaded the patient's whole record (JSON)",
  "plan.issue": "Gave the patient a new version of the plan",
  "plan.import": "Imported a plan file",
  "plan.export": "Downloaded a plan file (JSON)",
  "plan.versions": "Looked at a plan's version history",
  "plan.version": "Opened an issued version of a plan",
  "plan.from-template": "Started a plan from a template",
  "template.list": "Listed plan templates",
  "template.view": "Opened a plan template",
  "template.save": "Saved a plan as a template",
  "template.update": "Edited a plan template",
  "template.duplicate": "Copied a plan template",
  "template.retire": "Retired a plan template",
  "template.restore": "Brought back a plan template",
};

/** Every action code the app writes; each one has a label above. */
export const auditActionCodes: readonly string[] = Object.keys(actionLabels);

/** A label for an action code; a code this list does not know yet is shown as it is rather than hidden. */
export function auditActionLabel(action: string): string {
  return Object.hasOwn(actionLabels, action) ? actionLabels[action] : action;
}

export const auditOutcomeLabels: Record<AuditOutcome, string> = {
  ok: "Done",
  denied: "Not allowed",
  refused: "Refused (bad input or conflict)",
};

export function auditOutcomeLabel(outcome: string): string {
  return Object.hasOwn(auditOutcomeLabels, outcome) ? auditOutcomeLabels[outcome as AuditOutcome] : outcome;
}

/**
 * "Mar 2, 2026, 2:05:09 PM" on the clinic's wall clock, with seconds because
 * the order of events within a minute can matter when reading the log.
 * An unknown zone falls back to UTC and says so.
 */
export function formatAuditTime(at: Date, timeZone: string): string {
  const format = auditTimeFormat(timeZone);
  return format ? format.format(at) : `${auditTimeFormat("UTC")!.format(at)} UTC`;
}

// Building a formatter costs far more than using one, and a page shows 50 rows: one per zone.
const auditTimeFormats = new Map<string, Intl.DateTimeFormat | null>();
function auditTimeFormat(timeZone: string): Intl.DateTimeFormat | null {
  if (!auditTimeFormats.has(timeZone)) {
    const options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "medium", calendar: "gregory", numberingSystem: "latn" };
    let format: Intl.DateTimeFormat | null = null;
    try {
      format = new Intl.DateTimeFormat("en-US", { ...options, timeZone });
    } catch {
      format = null;
    }
    if (auditTimeFormats.size < 1000) auditTimeFormats.set(timeZone, format);
    else return format;
  }
  return auditTimeFormats.get(timeZone)!;
}

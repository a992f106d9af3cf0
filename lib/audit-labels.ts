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
  "plan.create": "Started a new plan",
  "plan.update": "Edited a plan",
  "plan.duplicate": "Copied a plan",
  "plan.item.add": "Added an item to a plan",
  "plan.item.dose": "Changed a dose",
  "plan.item.remove": "Removed an item from a plan",
  "plan.item.reorder": "Reordered a plan's items",
  "plan.item.keep-despite-precaution": "Kept an item despite a precaution",
  "plan.status.draft": "Restored a plan as a draft",
  "plan.status.active": "Made a plan active",
  "plan.status.completed": "Marked a plan completed",
  "plan.status.archived": "Archived a plan",
  "audit.view": "Looked at the audit log",
  "clinic.update": "Changed the clinic profile",
  "clinic.logo.set": "Changed the clinic logo",
  "clinic.logo.remove": "Removed the clinic logo",
};

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
  const options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "medium", calendar: "gregory", numberingSystem: "latn" };
  try {
    return new Intl.DateTimeFormat("en-US", { ...options, timeZone }).format(at);
  } catch {
    return `${new Intl.DateTimeFormat("en-US", { ...options, timeZone: "UTC" }).format(at)} UTC`;
  }
}

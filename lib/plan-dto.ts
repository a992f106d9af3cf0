import type { LibraryEntry } from "@/db/schema";
import type { PlanDocumentItem } from "./plan-document";
import type { PlanPhase } from "./plan-phases";
import type { PlanStatus } from "./plan-status";
import type { PrecautionKind } from "./precautions";

/**
 * An item of the draft as the editor holds it: the document item plus its row id and place,
 * and the staff-only precaution facts (what the entry conflicts with, what the therapist kept it despite).
 */
export type PlanItemDto = PlanDocumentItem & { id: number; position: number; conflictsWith: PrecautionKind[]; confirmedConflicts: PrecautionKind[] };

/** A draft item whose stored dose no longer passes its schema: shown with the reason, and it blocks issuing. */
export type PlanItemProblem = { id: number; name: string; message: string };

/** The newest issued version, and whether the draft has moved on from it. */
export type IssuedState = { number: number; issuedAt: string; issuedByName: string; unissuedChanges: boolean } | null;

/** The signed-in therapist's own saved starting dose for a library entry, in words. */
export type UsualDose = { libraryEntryId: number; words: string };

/** What the plan editor's query holds: plain JSON, the same from the server prefetch and from /api/plans/:id. */
export type PlanDto = {
  id: number;
  patientId: number;
  patientName: string;
  title: string;
  goal: string;
  startDate: string;
  weeks: number;
  precautions: string;
  /** The patient record's structured precautions, for the editor's warnings. */
  patientPrecautions: PrecautionKind[];
  notes: string;
  status: PlanStatus;
  version: number;
  /** The plan's phases in order (empty for a plan without phases). */
  phases: PlanPhase[];
  items: PlanItemDto[];
  problems: PlanItemProblem[];
  issued: IssuedState;
  /** The viewer's usual doses for this plan's library entries (see usualDosesFor). */
  usualDoses: UsualDose[];
};

/** A library search hit: a few columns of the one library entry type. */
export type LibraryHitDto = Pick<LibraryEntry, "id" | "name" | "category" | "bodyRegions" | "summary" | "source">;

import type { AnyDose, ItemKind } from "./dose";
import type { BodyRegion, Category } from "./library";
import type { PlanStatus } from "./plan-status";
import type { PrecautionKind } from "./precautions";

/** What the plan editor's query holds: plain JSON, the same from the server prefetch and from /api/plans/:id. */
export type PlanItemDto = {
  id: number;
  kind: ItemKind;
  position: number;
  dose: AnyDose;
  /** Precaution conflicts the therapist confirmed keeping the item despite. */
  confirmedConflicts: PrecautionKind[];
  entry: {
    id: number;
    name: string;
    plainName: string;
    conflictsWith: PrecautionKind[];
    category: Category;
    bodyRegions: BodyRegion[];
    summary: string;
    steps: string[];
    cautions: string[];
    illustration: string | null;
    illustrationAlt: string;
  };
};

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
  items: PlanItemDto[];
};

export type LibraryHitDto = {
  id: number;
  name: string;
  category: Category;
  bodyRegions: BodyRegion[];
  summary: string;
  source: "starter" | "custom";
};

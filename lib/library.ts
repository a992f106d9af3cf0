import type { LibraryEntry } from "@/db/schema";
import type { DoseByKind, ItemKind } from "./dose";
import type { PrecautionKind } from "./precautions";

/** Library categories, in the order staff see them. */
export const categories = ["walking", "stretch", "strengthen", "mobility", "posture", "education", "visit"] as const;
export type Category = (typeof categories)[number];

export const categoryLabels: Record<Category, string> = {
  walking: "Walking",
  stretch: "Stretch",
  strengthen: "Strengthening and core",
  mobility: "Mobility",
  posture: "Posture and ergonomics",
  education: "Education tip",
  visit: "Clinic visit",
};

type KindOf = {
  walking: "walking";
  stretch: "exercise";
  strengthen: "exercise";
  mobility: "exercise";
  posture: "exercise";
  education: "education";
  visit: "visit";
};

/** Which kind of plan item a category becomes. */
export const kindForCategory: { [C in Category]: KindOf[C] } & Record<Category, ItemKind> = {
  walking: "walking",
  stretch: "exercise",
  strengthen: "exercise",
  mobility: "exercise",
  posture: "exercise",
  education: "education",
  visit: "visit",
};

export const bodyRegions = ["low-back", "neck", "upper-back", "shoulders", "hips", "legs", "core", "whole-body"] as const;
export type BodyRegion = (typeof bodyRegions)[number];

export const bodyRegionLabels: Record<BodyRegion, string> = {
  "low-back": "Low back",
  neck: "Neck",
  "upper-back": "Upper back",
  shoulders: "Shoulders",
  hips: "Hips",
  legs: "Legs",
  core: "Core",
  "whole-body": "Whole body",
};

/**
 * One starter-library entry as written in db/seed/library/*.ts.
 * `illustration` is a file name under public/illustrations/ (e.g. "bridge.svg").
 */
export type LibrarySeedEntry = { [C in Category]: SeedEntryOf<C> }[Category];

/** The library entry's own columns (one type: the table's row), plus what a seed entry fixes by category. */
type SeedEntryOf<C extends Category> = Pick<LibraryEntry, "name" | "bodyRegions" | "summary" | "steps" | "cautions" | "illustrationAlt"> & {
  /** Stable key: a plan document names a starter entry by it. */
  slug: string;
  category: C;
  defaultDose: DoseByKind[KindOf[C]];
  /** File name under public/illustrations/ (every starter entry has a picture). */
  illustration: string;
  /** Everyday words for a jargon name; see `patientName`. */
  plainName?: string;
  /** Patient precautions this entry conflicts with. */
  conflictsWith?: PrecautionKind[];
  /** Worked one side at a time (the dose then reads "each side"); false when left out. */
  oneSided?: boolean;
};

/** The name a patient reads: "Piriformis stretch — buttock stretch" when the name is jargon. */
export function patientName(entry: { name: string; plainName?: string | null }): string {
  return entry.plainName ? `${entry.name} — ${entry.plainName}` : entry.name;
}

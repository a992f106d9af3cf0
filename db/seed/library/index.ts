import type { LibrarySeedEntry } from "@/lib/library";
import { starterConflicts, starterPlainNames } from "./precaution-conflicts";
import { strengthCoreEntries } from "./strength-core";
import { stretchEntries } from "./stretches";
import { walkingVisitEducationEntries } from "./walking-visits-education";

/** The starter library every new clinic gets; matched to rows by slug. */
export const starterLibrary: LibrarySeedEntry[] = [...walkingVisitEducationEntries, ...stretchEntries, ...strengthCoreEntries].map((entry) => ({
  ...entry,
  plainName: entry.plainName ?? starterPlainNames[entry.slug] ?? "",
  conflictsWith: entry.conflictsWith ?? starterConflicts[entry.slug] ?? [],
}));

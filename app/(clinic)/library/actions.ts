"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createCustomEntry, setEntryRetired, updateCustomEntry } from "@/db/queries/library";
import type { ActionResult } from "@/lib/action-result";
import { libraryEntrySchema } from "@/lib/schemas/library-entry";
import { formObject, recordIdSchema, runAction } from "../../_lib/run-action";

export async function createLibraryEntryAction(_prev: ActionResult<{ id: number }> | null, formData: FormData) {
  const result = await runAction("library.create", "library:write", (actor) =>
    createCustomEntry({ actor, input: libraryEntrySchema.parse(formObject(formData, ["bodyRegions", "conflictsWith"])) }),
  );
  if (!result.ok) return result;
  revalidatePath("/library");
  redirect(`/library/${result.data.id}`);
}

export async function updateLibraryEntryAction(id: number, version: number, _prev: ActionResult | null, formData: FormData) {
  const result = await runAction("library.update", "library:write", (actor) =>
    updateCustomEntry({
      actor,
      id: recordIdSchema.parse(id),
      version: recordIdSchema.parse(version),
      input: libraryEntrySchema.parse(formObject(formData, ["bodyRegions", "conflictsWith"])),
    }),
  );
  if (!result.ok) return result;
  revalidatePath("/library");
  revalidatePath(`/library/${id}`);
  redirect(`/library/${id}`);
}

export async function setLibraryEntryRetiredAction(id: number, retired: boolean): Promise<ActionResult> {
  const result = await runAction(retired === true ? "library.retire" : "library.restore", "library:write", (actor) =>
    setEntryRetired({ actor, id: recordIdSchema.parse(id), retired: retired === true }),
  );
  if (result.ok) {
    revalidatePath("/library");
    revalidatePath(`/library/${id}`);
  }
  return result;
}

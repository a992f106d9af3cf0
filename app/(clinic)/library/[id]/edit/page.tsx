import { notFound } from "next/navigation";
import { LibraryEntryForm } from "@/components/library-entry-form";
import { getLibraryEntry } from "@/db/queries/library";
import { can } from "@/lib/authz";
import { requireActor } from "@/db/queries/session";
import { idFromParam, loadOr404 } from "../../../../_lib/ids";
import { updateLibraryEntryAction } from "../../actions";

export const metadata = { title: "Edit library entry" };

export default async function EditLibraryEntryPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idFromParam((await params).id);
  const actor = await requireActor();
  const entry = loadOr404(() => getLibraryEntry({ actor, id }));
  if (entry.source !== "custom" || !can(actor, "library:write")) notFound();
  return (
    <div className="narrow">
      <h1>Edit {entry.name}</h1>
      <LibraryEntryForm
        action={updateLibraryEntryAction.bind(null, id, entry.version)}
        initial={{
          name: entry.name,
          category: entry.category,
          bodyRegions: entry.bodyRegions,
          summary: entry.summary,
          steps: entry.steps.join("\n"),
          cautions: entry.cautions.join("\n"),
          conflictsWith: entry.conflictsWith,
        }}
        submitLabel="Save changes"
      />
    </div>
  );
}

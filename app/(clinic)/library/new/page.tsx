import { notFound } from "next/navigation";
import { LibraryEntryForm } from "@/components/library-entry-form";
import { requireActor } from "@/db/queries/session";
import { can } from "@/lib/authz";
import { createLibraryEntryAction } from "../actions";

export const metadata = { title: "Add custom entry" };

export default async function NewLibraryEntryPage() {
  // Only admins look after the library; the action checks this again.
  if (!can(await requireActor(), "library:write")) notFound();
  return (
    <div className="narrow">
      <h1>Add a custom library entry</h1>
      <p>Custom entries start with the usual dose for their category; you set each patient&apos;s dose in the plan.</p>
      <LibraryEntryForm action={createLibraryEntryAction} submitLabel="Save entry" />
    </div>
  );
}

import { LibraryEntryForm } from "@/components/library-entry-form";
import { createLibraryEntryAction } from "../actions";

export const metadata = { title: "Add custom entry" };

export default function NewLibraryEntryPage() {
  return (
    <div className="narrow">
      <h1>Add a custom library entry</h1>
      <p>Custom entries start with the usual dose for their category; you set each patient&apos;s dose in the plan.</p>
      <LibraryEntryForm action={createLibraryEntryAction} submitLabel="Save entry" />
    </div>
  );
}

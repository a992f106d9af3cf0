import Link from "next/link";
import { StaffForm } from "@/components/admin/staff-form";
import { requireActor } from "@/db/queries/session";
import { assertCan } from "@/lib/authz";
import { addStaffAction } from "../actions";
import { loadOr404 } from "../../../../_lib/ids";

export const metadata = { title: "Add staff member" };

export default async function NewStaffPage() {
  const actor = await requireActor();
  // The form has nothing to read, so check the same permission the action's query checks.
  loadOr404(() => assertCan(actor, "staff:manage"));
  return (
    <div className="narrow">
      <p>
        <Link href="/admin/staff">Back to staff</Link>
      </p>
      <h1>Add staff member</h1>
      <StaffForm action={addStaffAction} />
    </div>
  );
}

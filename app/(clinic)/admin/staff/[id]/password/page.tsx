import Link from "next/link";
import { notFound } from "next/navigation";
import { StaffPasswordForm } from "@/components/admin/staff-password-form";
import { requireActor } from "@/db/queries/session";
import { getStaffMember } from "@/db/queries/staff";
import { staffIdSchema } from "@/lib/schemas/staff";
import { resetStaffPasswordAction } from "../../actions";
import { loadOr404 } from "../../../../../_lib/ids";

export const metadata = { title: "Set a new password" };

export default async function StaffPasswordPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = staffIdSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const id = parsed.data;
  const actor = await requireActor();
  const member = loadOr404(() => getStaffMember({ actor, id }));
  const isSelf = member.id === actor.userId;
  return (
    <div className="narrow">
      <p>
        <Link href="/admin/staff">Back to staff</Link>
      </p>
      <h1>Set a new password for {member.name}</h1>
      <p>
        Use this when {isSelf ? "you have" : `${member.name} has`} forgotten the password or it may be known to someone else. Saving it signs{" "}
        {isSelf ? "you" : "them"} out everywhere, on every device, at once.
      </p>
      {isSelf ? <p className="alert">This is your own account: you will be signed out and need to sign in with the new password.</p> : null}
      {member.active ? null : <p className="muted">{member.name} is deactivated and cannot sign in until reactivated, whatever the password.</p>}
      <StaffPasswordForm action={resetStaffPasswordAction.bind(null, member.id)} name={member.name} />
    </div>
  );
}

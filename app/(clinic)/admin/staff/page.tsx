import Link from "next/link";
import { StaffRowActions } from "@/components/admin/staff-row-actions";
import { requireActor } from "@/db/queries/session";
import { listStaff } from "@/db/queries/staff";
import { roleLabels } from "@/lib/authz";
import { setStaffActiveAction, setStaffRoleAction } from "./actions";
import { loadOr404 } from "../../../_lib/ids";

export const metadata = { title: "Staff" };

export default async function StaffPage() {
  const actor = await requireActor();
  const members = loadOr404(() => listStaff({ actor }));
  return (
    <>
      <div className="page-head">
        <h1>Staff</h1>
        <Link className="button primary" href="/admin/staff/new">
          Add staff member
        </Link>
      </div>
      <p className="muted">
        Deactivating someone signs them out at once and keeps everything they wrote. The clinic always keeps at least one active admin.
      </p>
      <table className="list">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                {m.name}
                {m.id === actor.userId ? <span className="muted"> (you)</span> : null}
              </th>
              <td>{m.email}</td>
              <td>{roleLabels[m.role]}</td>
              <td>{m.active ? <span className="badge active">Active</span> : <span className="badge">Deactivated</span>}</td>
              <td>
                <StaffRowActions
                  member={{ id: m.id, name: m.name, role: m.role, active: m.active }}
                  isSelf={m.id === actor.userId}
                  setRole={setStaffRoleAction}
                  setActive={setStaffActiveAction}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

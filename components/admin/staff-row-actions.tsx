"use client";

import Link from "next/link";
import { useState, useTransition, type FormEvent } from "react";
import { useHydrated } from "@/components/use-hydrated";
import type { ActionResult } from "@/lib/action-result";
import { roleLabels, roles, type Role } from "@/lib/authz";

type Props = {
  member: { id: string; name: string; role: Role; active: boolean };
  isSelf: boolean;
  setRole: (id: string, role: string) => Promise<ActionResult>;
  setActive: (id: string, active: boolean) => Promise<ActionResult>;
};

type Message = { ok: boolean; text: string } | null;

/** Role change, deactivate/reactivate and the reset-password link for one row of the staff table. */
export function StaffRowActions({ member, isSelf, setRole, setActive }: Props) {
  const { id, name, active } = member;
  const [role, setSelectedRole] = useState<Role>(member.role);
  const [message, setMessage] = useState<Message>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  function run(work: () => Promise<ActionResult>, done: string) {
    setMessage(null);
    startTransition(async () => {
      const result = await work();
      setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.message });
      // After a refusal the menu shows the role the person really has, not the one that was refused.
      if (!result.ok) setSelectedRole(member.role);
    });
  }

  function changeRole(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (role === member.role) return setMessage({ ok: true, text: `${name} is already ${article(role)} ${roleLabels[role].toLowerCase()}.` });
    if (isSelf && role !== "admin" && !window.confirm("You will no longer be an admin and will lose access to this page. Continue?")) return;
    run(() => setRole(id, role), `${name} is now ${article(role)} ${roleLabels[role].toLowerCase()}.`);
  }

  function toggleActive() {
    if (active) {
      const warning = isSelf
        ? "Deactivate your own account? You will be signed out at once and cannot sign in again until another admin reactivates you."
        : `Deactivate ${name}? They will be signed out at once and cannot sign in until reactivated. Their patients and plans stay as they are.`;
      if (!window.confirm(warning)) return;
    }
    run(() => setActive(id, !active), active ? `${name} is deactivated and has been signed out.` : `${name} can sign in again.`);
  }

  const selectId = `role-${id}`;
  return (
    <div>
      <div className="actions">
        <form className="actions" onSubmit={changeRole}>
          <label className="visually-hidden" htmlFor={selectId}>
            Role for {name}
          </label>
          <select id={selectId} value={role} onChange={(e) => setSelectedRole(e.target.value as Role)} disabled={pending}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
          <button type="submit" className="button small" disabled={pending || !hydrated}>
            Change role<span className="visually-hidden"> for {name}</span>
          </button>
        </form>
        <button type="button" className={active ? "button small danger" : "button small"} disabled={pending || !hydrated} onClick={toggleActive}>
          {active ? "Deactivate" : "Reactivate"}
          <span className="visually-hidden"> {name}</span>
        </button>
        <Link className="button small" href={`/admin/staff/${encodeURIComponent(id)}/password`}>
          Reset password<span className="visually-hidden"> for {name}</span>
        </Link>
      </div>
      <p className="form-message" role="alert">
        {message && !message.ok ? message.text : ""}
      </p>
      <p className="form-message ok" role="status">
        {message?.ok ? message.text : ""}
      </p>
    </div>
  );
}

function article(role: Role) {
  return role === "admin" ? "an" : "a";
}

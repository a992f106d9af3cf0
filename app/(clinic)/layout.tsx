import Link from "next/link";
import { Providers } from "@/components/providers";
import { demoAccountsActive } from "@/db/queries/demo";
import { requireActor } from "@/db/queries/session";
import { can, roleLabels } from "@/lib/authz";
import { signOutAction } from "../(auth)/sign-in/actions";

export default async function ClinicLayout({ children }: { children: React.ReactNode }) {
  // For the header only: each page and action checks the actor again itself.
  const actor = await requireActor();
  const admin = can(actor, "staff:manage");
  const demoActive = demoAccountsActive({ actor });
  return (
    <Providers>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link href="/patients" className="brand">
          Stride
        </Link>
        <nav aria-label="Main">
          <ul>
            <li>
              <Link href="/patients">Patients</Link>
            </li>
            <li>
              <Link href="/library">Exercise library</Link>
            </li>
            <li>
              <Link href="/templates">Templates</Link>
            </li>
            {admin ? (
              <>
                <li>
                  <Link href="/admin/staff">Staff</Link>
                </li>
                <li>
                  <Link href="/admin/clinic">Clinic profile</Link>
                </li>
                <li>
                  <Link href="/admin/audit">Audit log</Link>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
        <form action={signOutAction} className="who">
          <span>
            {actor.name} · {roleLabels[actor.role]}
          </span>
          <button type="submit" className="button small">
            Sign out
          </button>
        </form>
      </header>
      <main id="main" className="app-main">
        {demoActive ? (
          <p className="alert demo-banner" role="status">
            <strong>Demo accounts are active: remove them before real use.</strong>{" "}
            {admin ? <Link href="/admin/clinic#demo-h">Remove all demo data</Link> : "Ask an admin to remove the demo data in the clinic profile."}
          </p>
        ) : null}
        {children}
      </main>
    </Providers>
  );
}

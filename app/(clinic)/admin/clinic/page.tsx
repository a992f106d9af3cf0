import { ClinicForm, LogoForm } from "@/components/admin/clinic-form";
import { ArchiveButton } from "@/components/archive-button";
import { getClinicSettings } from "@/db/queries/clinic";
import { demoDataSummary } from "@/db/queries/demo";
import { requireActor } from "@/db/queries/session";
import { can } from "@/lib/authz";
import { removeClinicLogoAction, removeDemoDataAction, updateClinicProfileAction, uploadClinicLogoAction } from "./actions";

export const metadata = { title: "Clinic profile" };

function timeZoneNames(): string[] {
  const names = Intl.supportedValuesOf("timeZone");
  return names.includes("UTC") ? names : ["UTC", ...names];
}

export default async function ClinicProfilePage() {
  const actor = await requireActor();
  if (!can(actor, "clinic:write"))
    return (
      <div className="narrow">
        <h1>Clinic profile</h1>
        <p>Only an admin can change the clinic profile. Ask an admin at your clinic if something on the handouts needs updating.</p>
      </div>
    );
  const { hasLogo, logoVersion, ...settings } = getClinicSettings({ actor });
  const demo = demoDataSummary({ actor });
  return (
    <div className="narrow">
      <h1>Clinic profile</h1>
      <p className="muted">The name, phone, logo and footer below are printed on every patient handout.</p>
      {demo.staff + demo.patients > 0 ? (
        <section className="card" aria-labelledby="demo-h">
          <h2 id="demo-h">Demo data</h2>
          <p>
            This install still holds the demo clinic&apos;s {demo.staff} demo staff {demo.staff === 1 ? "account" : "accounts"} (their password is
            published) and {demo.patients} demo {demo.patients === 1 ? "patient" : "patients"}. Remove them before real use. Patients, plans and staff
            your clinic added are kept, and so is the audit log. If you signed in with a demo account you will be signed out.
          </p>
          <ArchiveButton
            action={removeDemoDataAction}
            label="Remove all demo data"
            confirm="Remove the demo staff accounts and the demo patient with their plans, links and logs? This cannot be undone."
          />
        </section>
      ) : null}
      <section className="card" aria-labelledby="profile-h">
        <h2 id="profile-h">Details</h2>
        <ClinicForm action={updateClinicProfileAction} initial={settings} timeZones={timeZoneNames()} />
      </section>
      <section className="card" aria-labelledby="logo-h">
        <h2 id="logo-h">Logo</h2>
        <LogoForm
          uploadAction={uploadClinicLogoAction}
          removeAction={removeClinicLogoAction}
          clinicName={settings.name}
          logoVersion={hasLogo ? logoVersion : null}
        />
      </section>
    </div>
  );
}

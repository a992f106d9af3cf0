import { ClinicForm, LogoForm } from "@/components/admin/clinic-form";
import { getClinicSettings } from "@/db/queries/clinic";
import { requireActor } from "@/db/queries/session";
import { can } from "@/lib/authz";
import { removeClinicLogoAction, updateClinicProfileAction, uploadClinicLogoAction } from "./actions";

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
  return (
    <div className="narrow">
      <h1>Clinic profile</h1>
      <p className="muted">The name, phone, logo and footer below are printed on every patient handout.</p>
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

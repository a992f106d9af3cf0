import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { clinicSettings } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/authz";

export type ClinicProfile = {
  name: string;
  phone: string;
  email: string;
  address: string;
  website: string;
  timeZone: string;
  handoutFooter: string;
};

const fallback: ClinicProfile = {
  name: "Your clinic",
  phone: "",
  email: "",
  address: "",
  website: "",
  timeZone: "UTC",
  handoutFooter: "",
};

export function getClinicProfile({ actor }: { actor: Actor }): ClinicProfile {
  assertCan(actor, "clinic:read");
  const row = getDb()
    .select({
      name: clinicSettings.name,
      phone: clinicSettings.phone,
      email: clinicSettings.email,
      address: clinicSettings.address,
      website: clinicSettings.website,
      timeZone: clinicSettings.timeZone,
      handoutFooter: clinicSettings.handoutFooter,
    })
    .from(clinicSettings)
    .where(eq(clinicSettings.id, 1))
    .get();
  return row ?? fallback;
}

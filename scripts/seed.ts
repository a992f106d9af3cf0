import { databasePath, openDatabase } from "@/db";
import { DEMO_PASSWORD, demoStaff, seedDatabase } from "@/db/seed";

// Tops up the starter library on every start. Demo data (STRIDE_DEMO, on unless "0") only ever goes
// into a brand-new database with no staff and no patients; a real clinic names itself in first-run setup.
async function main() {
  const demo = process.env.STRIDE_DEMO !== "0";
  const db = openDatabase(databasePath());
  const result = await seedDatabase(db, { demo });
  db.$client.close();
  console.log("Starter library is up to date.");
  if (result.demoLoaded) console.log("Loaded the demo clinic, its two demo staff accounts and a demo patient (this database was empty).");
  if (result.demoRefused)
    console.log("Demo data was not loaded: this database already has staff or patients, and demo data only goes into an empty one.");
  if (result.demoAccountsActive) {
    console.log("");
    console.log("WARNING: demo accounts with a published password are active in this database.");
    for (const person of demoStaff) console.log(`  ${person.role.padEnd(9)}  ${person.email} / ${DEMO_PASSWORD}`);
    console.log('Remove them before real use: sign in as an admin, open Clinic profile, choose "Remove all demo data".');
  }
}

void main();

import { databasePath, openDatabase } from "@/db";
import { seedDatabase } from "@/db/seed";

// STRIDE_DEMO=0 loads only the starter library (a real clinic names itself in first-run setup).
async function main() {
  const demo = process.env.STRIDE_DEMO !== "0";
  const db = openDatabase(databasePath());
  await seedDatabase(db, { demo });
  db.$client.close();
  console.log(`Seeded the starter library${demo ? ", the demo clinic, its staff and a demo patient" : ""}.`);
}

void main();

import { databasePath, openDatabase } from "@/db";
import { seedDatabase } from "@/db/seed";

// STRIDE_DEMO=0 loads only the clinic settings and starter library.
const demo = process.env.STRIDE_DEMO !== "0";
const db = openDatabase(databasePath());
seedDatabase(db, { demo });
db.$client.close();
console.log(`Seeded the starter library${demo ? " and the demo patient" : ""}.`);

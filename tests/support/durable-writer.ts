import { openDatabase } from "@/db";
import { patients } from "@/db/schema";

/**
 * Child process for the kill -9 test: commits patients one by one through the
 * app's own connection settings and reports each id only after its commit.
 */
const db = openDatabase(process.argv[2]);
for (let i = 0; ; i++) {
  const row = db
    .insert(patients)
    .values({ name: `Durable ${i}`, nameKey: `durable ${i}` })
    .returning({ id: patients.id })
    .get();
  process.stdout.write(`${row.id}\n`);
}

import path from "node:path";
import { databasePath, openDatabase } from "@/db";
import { backupDatabase } from "@/db/backup";

// npm run backup -- [destination]   (default: data/backups/stride-<time>.db)
async function main() {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const destination = path.resolve(process.argv[2] ?? path.join(path.dirname(databasePath()), "backups", `stride-${stamp}.db`));
  const db = openDatabase(databasePath(), { migrate: false });
  await import("node:fs").then((fs) => fs.mkdirSync(path.dirname(destination), { recursive: true }));
  const { pages, integrity } = await backupDatabase(db, destination);
  db.$client.close();
  if (integrity !== "ok") {
    console.error(`Backup written to ${destination}, but its integrity check says: ${integrity}`);
    process.exit(1);
  }
  console.log(`Backup of ${pages} pages written to ${destination}; integrity check: ok.`);
}

void main();

import { databasePath, openDatabase } from "@/db";
import { verifyAuditChain } from "@/db/audit-chain";

// npm run audit:verify   Recomputes the audit log's hash chain and reports the first broken link.
function main() {
  const file = databasePath();
  const db = openDatabase(file, { migrate: false });
  const report = verifyAuditChain(db);
  db.$client.close();
  if (!report.ok) {
    console.error(`Audit chain broken at row ${report.brokenAt} (of ${report.rows} read): ${report.reason}.`);
    process.exit(1);
  }
  const older =
    report.unhashed === 0
      ? ""
      : report.unhashed === report.rows
        ? ` (all written before the chain began; the next audited action starts it and covers them)`
        : ` (${report.unhashed} written before the chain began, covered by the first hashed row after them)`;
  console.log(`Audit chain intact, ${report.rows} rows${older}. Database: ${file}`);
}

main();

/**
 * `npm audit --omit=dev`, with a plain answer when the advisory service
 * cannot be asked. npm then fails with a terse "audit endpoint returned an
 * error", which reads too much like "there is a problem with your packages".
 * Exit codes: 0 no known advisory, 1 advisories found (npm's report above),
 * 2 the advisory service could not be reached: nothing was checked.
 */
import { spawnSync } from "node:child_process";

const run = spawnSync("npm", ["audit", "--omit=dev"], { encoding: "utf8", timeout: 120_000 });
const out = run.stdout ?? "";
const err = run.stderr ?? "";
process.stdout.write(out);

const unreachable =
  run.error !== undefined ||
  /audit endpoint returned an error|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|network|Method Not Allowed|\b40[345]\b|\b5\d\d\b/i.test(
    err,
  );
const reported = /found 0 vulnerabilities|\d+ (?:low|moderate|high|critical)? ?(?:severity )?vulnerabilit/i.test(out);

if (run.status === 0) process.exit(0);
if (!reported && unreachable) {
  process.stderr.write(err);
  console.error(
    "\nThe dependency check did not run: npm could not reach the advisory service (its registry's security endpoint). " +
      "Nothing is known about the packages either way. Run `npm run audit:deps` again on a machine that can reach https://registry.npmjs.org.",
  );
  process.exit(2);
}
process.stderr.write(err);
process.exit(run.status ?? 1);

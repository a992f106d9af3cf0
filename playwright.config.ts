import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const dbPath = E2E_DB;

import { adminState, E2E_DB, serverLog } from "./tests/e2e/accounts";

const browser = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    // Debian's Chromium: Playwright cannot download its own browser here, and the network is closed.
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  workers: 2,
  // One retry on CI: a 2-core runner under full load can lose a race a real user never would; a retried
  // test is still reported as flaky in the list, and a real break fails both tries.
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
  },
  // first-run makes the clinic's admin (the test database starts with no staff) and saves the
  // admin's session; most tests reuse it. Session-timeout tests change clinic-wide settings, so they run after
  // the rest, and the per-address sign-in limit test after them.
  projects: [
    { name: "first-run", testMatch: /first-run\.setup\.ts/, use: { ...browser } },
    {
      name: "chromium",
      dependencies: ["first-run"],
      testIgnore: /(sessions|audit-security|sign-in-address-limit)\.spec\.ts/,
      use: { ...browser, storageState: adminState },
    },
    // audit-security adds a demo account for a moment, which puts a banner on every staff page: it runs late too.
    { name: "sessions", dependencies: ["chromium"], testMatch: /(sessions|audit-security)\.spec\.ts/, use: { ...browser } },
    // Locks the machine's address out of signing in for a while, so it runs after everything else.
    { name: "address-limit", dependencies: ["sessions"], testMatch: /sign-in-address-limit\.spec\.ts/, use: { ...browser } },
  ],
  // The web server starts before globalSetup, so the fresh test database is migrated and seeded here.
  // It is the production entry (scripts/start.sh runs the built scripts/server.ts), and its output is kept in a file tests can read.
  webServer: {
    command: `rm -f ${dbPath} ${dbPath}-wal ${dbPath}-shm && STRIDE_DB_PATH=${dbPath} npx tsx scripts/migrate.ts && STRIDE_DEMO=0 STRIDE_DB_PATH=${dbPath} npx tsx --conditions=react-server scripts/seed.ts && mkdir -p tests/.tmp && STRIDE_DB_PATH=${dbPath} STRIDE_BASE_URL=http://127.0.0.1:${port} PORT=${port} STRIDE_HOST=127.0.0.1 bash scripts/start.sh 2>&1 | tee ${serverLog}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
  },
});

import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // "server-only" throws outside Next's server bundle; in tests the query layer runs in plain Node.
      "server-only": path.resolve(__dirname, "tests/support/empty.ts"),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    environment: "node",
    setupFiles: ["tests/integration/setup.ts"],
    pool: "forks",
    // Integration tests run real migrations and fsyncs; on a busy 2-core CI runner 5 s is too tight.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});

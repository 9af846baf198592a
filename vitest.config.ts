import { defineConfig } from "vitest/config";
import path from "node:path";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // "server-only" throws outside the React server bundle; tests run in plain Node.
      "server-only": path.resolve(__dirname, "tests/server-only-stub.ts"),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "plugins/**/*.test.ts", "tests/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "components/**/*.test.ts"],
    exclude: [
      "node_modules", "e2e", ".next", "lib/generated",
      // PostgreSQL half only (it needs the run's server): vitest.pg.config.ts.
      "lib/services/backup/cross-engine.integration.test.ts",
      "tests/schema-drift.integration.test.ts",
      "lib/db/migrate-postgres.integration.test.ts",
    ],
    setupFiles: ["tests/setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

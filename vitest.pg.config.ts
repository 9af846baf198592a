import { defineConfig } from "vitest/config";
import base from "./vitest.config";

// The PostgreSQL half of `npm test` (`npm run test:pg`): every integration
// and API test again, each file on its own database of a throwaway server.
// Left out: tests of SQLite-only machinery (its file format, its single
// writer, its own migration folder) and pure unit tests (no database).
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ["**/*.integration.test.ts"],
    exclude: [
      "node_modules", "e2e", ".next", "lib/generated",
      "lib/db/one-writer-adapter.integration.test.ts",
      "lib/db/migrate.integration.test.ts",
      "lib/services/backup/copy-sqlite-database.integration.test.ts",
      // Engine-independent (they bring their own PostgreSQL where needed): the SQLite half runs them.
      "scripts/start.integration.test.ts",
      "scripts/migrate-create.integration.test.ts",
    ],
    env: { IPAM_TEST_ENGINE: "postgresql" },
    globalSetup: ["tests/pg-global-setup.ts"],
  },
});

import { defineConfig } from "prisma/config";
import { databaseEngine, loadEnv } from "./lib/env";

// The stock Prisma CLI reads this; it follows DATABASE_URL to the engine's
// own schema and migrations folder (prisma/sqlite or prisma/postgresql), the
// ones our migration runner (lib/db/migrate.ts) applies.
const url = loadEnv().DATABASE_URL;
const engine = databaseEngine(url);

export default defineConfig({
  schema: `prisma/${engine}/schema.prisma`,
  migrations: { path: `prisma/${engine}/migrations` },
  datasource: { url },
});

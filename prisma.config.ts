import { defineConfig } from "prisma/config";
import { loadEnv } from "./lib/env";

// The stock Prisma CLI reads this; our own migration runner (scripts/migrate.ts)
// uses the same schema and migrations folder.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: loadEnv().DATABASE_URL },
});

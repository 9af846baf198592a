// `npm run db:migrate`: apply pending migrations to DATABASE_URL (npm start does this too).
import { EnvError, loadEnv, sqlitePath } from "@/lib/env";
import { migrateSqlite } from "@/lib/db/migrate";

try {
  const result = migrateSqlite(sqlitePath(loadEnv().DATABASE_URL));
  console.log(result.applied.length ? `Applied: ${result.applied.join(", ")}` : "Database is up to date.");
} catch (error) {
  console.error(error instanceof EnvError ? error.message : (error as Error).message);
  process.exit(1);
}

// `npm run db:migrate`: apply pending migrations to DATABASE_URL (npm start does this too).
import { EnvError, loadEnv } from "@/lib/env";
import { migrateDatabase } from "@/lib/db/migrate-database";

Promise.resolve()
  .then(() => migrateDatabase(loadEnv().DATABASE_URL))
  .then((result) => console.log(result.applied.length ? `Applied: ${result.applied.join(", ")}` : "Database is up to date."))
  .catch((error: unknown) => {
    console.error(error instanceof EnvError ? error.message : (error as Error).message);
    process.exit(1);
  });

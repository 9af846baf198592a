import { databaseEngine, sqlitePath } from "@/lib/env";
import { migrateSqlite, type MigrationResult } from "@/lib/db/migrate";

/** Applies the pending migrations of DATABASE_URL's engine (npm start, db:migrate, admin, tests). */
export async function migrateDatabase(url: string): Promise<MigrationResult> {
  if (databaseEngine(url) !== "postgresql") return migrateSqlite(sqlitePath(url));
  // Loaded only for PostgreSQL: `npm start` migrates in the server process, which on SQLite never needs pg.
  const { migratePostgres } = await import("@/lib/db/migrate-postgres");
  return migratePostgres(url);
}

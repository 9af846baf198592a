import { databaseEngine, sqlitePath } from "@/lib/env";
import { migrateSqlite, type MigrationResult } from "@/lib/db/migrate";
import { migratePostgres } from "@/lib/db/migrate-postgres";

/** Applies the pending migrations of DATABASE_URL's engine (npm start, db:migrate, admin, tests). */
export async function migrateDatabase(url: string): Promise<MigrationResult> {
  return databaseEngine(url) === "postgresql" ? migratePostgres(url) : migrateSqlite(sqlitePath(url));
}

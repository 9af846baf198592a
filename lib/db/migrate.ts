import Database from "better-sqlite3";
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { migrationsPath } from "@/lib/db/schema-variants";
import { databaseUnreachable } from "@/lib/db/database-unreachable";
import { createPrivateFile, makePrivateDir } from "@/lib/db/private-files";
import { installSqliteChangeTriggers } from "@/lib/db/change-triggers";
import { installSqliteCountTriggers } from "@/lib/db/count-triggers";

// Applies prisma/sqlite/migrations/*/migration.sql without Prisma's native schema
// engine (it cannot be downloaded in air-gapped networks). The bookkeeping is
// Prisma's own `_prisma_migrations` table with the same checksum (sha256 of
// the file), so `prisma migrate deploy/status` accept the same database.

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {}

export function defaultMigrationsDir(): string {
  return migrationsPath("sqlite");
}

export function listMigrations(dir: string): Array<{ name: string; sql: string; checksum: string }> {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Creates the SQLite file (and its folder) if needed and applies pending migrations in order. */
export function migrateSqlite(dbFile: string, migrationsDir = defaultMigrationsDir()): MigrationResult {
  let db: Database.Database;
  try {
    // Folder 700, file 600 when we create them: the database holds password and token hashes.
    makePrivateDir(path.dirname(path.resolve(dbFile)));
    createPrivateFile(dbFile);
    db = new Database(dbFile);
  } catch (error) {
    // One line naming DATABASE_URL, as for an unreachable PostgreSQL server.
    throw databaseUnreachable(`file:${dbFile}`, error);
  }
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
    db.exec(MIGRATIONS_TABLE);
    const rows = db
      .prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`)
      .all() as Array<{ migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown }>;
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) {
      throw new MigrationError(`Migration ${failed.migration_name} failed earlier; resolve it before starting.`);
    }
    const done = new Map(rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r.checksum]));
    const applied: string[] = [];
    for (const migration of listMigrations(migrationsDir)) {
      const previous = done.get(migration.name);
      if (previous !== undefined) {
        // Prisma only warns on an edited, already-applied migration; so do we.
        if (previous !== migration.checksum) {
          console.warn(`warning: migration ${migration.name} was modified after it was applied`);
        }
        continue;
      }
      applyOne(db, migration);
      applied.push(migration.name);
    }
    installSqliteChangeTriggers(db);
    installSqliteCountTriggers(db);
    return { applied, alreadyApplied: done.size };
  } finally {
    db.close();
  }
}

function applyOne(db: Database.Database, migration: { name: string; sql: string; checksum: string }): void {
  const startedAt = Date.now();
  // One transaction per migration: a failing script leaves no half-applied schema.
  // Foreign keys go off *before* it: SQLite ignores the PRAGMA inside a
  // transaction, and Prisma's table-rebuild scripts (copy, DROP, rename)
  // would otherwise fire ON DELETE actions and wipe dependent rows.
  const run = db.transaction(() => {
    db.exec(migration.sql);
    if ((db.pragma("foreign_key_check") as unknown[]).length) {
      throw new Error("the migration leaves foreign key violations");
    }
    db.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
       VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
    ).run(randomUUID(), migration.checksum, Date.now(), migration.name, startedAt);
  });
  db.pragma("foreign_keys = OFF");
  try {
    run();
  } catch (error) {
    throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
  } finally {
    db.pragma("foreign_keys = ON");
  }
}

import pg from "pg";
import { randomUUID } from "node:crypto";
import { migrationsPath } from "@/lib/db/schema-variants";
import { listMigrations, MigrationError, type MigrationResult } from "@/lib/db/migrate";
import { databaseUnreachable } from "@/lib/db/database-unreachable";
import { installPostgresChangeTriggers } from "@/lib/db/change-triggers";
import { installPostgresCountTriggers } from "@/lib/db/count-triggers";

// Applies prisma/postgresql/migrations with Prisma's own `_prisma_migrations`
// bookkeeping (same table, same sha256 checksums as `prisma migrate deploy`).
// Several instances may start at once against one database: the first takes
// a session advisory lock and migrates, the others wait for it and then find
// nothing left to do, so every migration runs exactly once.

/** pg_advisory_lock key of the migration runner: "ipam-mig" as 64 bits. */
export const MIGRATION_LOCK_KEY = 0x6970616d2d6d6967n;

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface Row { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }

export async function migratePostgres(url: string, migrationsDir = migrationsPath("postgresql")): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000, application_name: "ipam-migrate" });
  // One line naming DATABASE_URL, without the password, when the server cannot be reached.
  await client.connect().catch((error: unknown) => {
    throw databaseUnreachable(url, error);
  });
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]);
    try {
      const result = await applyPending(client, migrationsDir);
      await installPostgresChangeTriggers(client);
      await installPostgresCountTriggers(client);
      return result;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY.toString()]);
    }
  } finally {
    await client.end();
  }
}

async function applyPending(client: pg.Client, migrationsDir: string): Promise<MigrationResult> {
  await client.query(MIGRATIONS_TABLE);
  const { rows } = await client.query<Row>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
  const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
  if (failed) throw new MigrationError(`Migration ${failed.migration_name} failed earlier; resolve it before starting.`);
  const done = new Map(rows.filter((r) => r.rolled_back_at === null).map((r) => [r.migration_name, r.checksum]));
  const applied: string[] = [];
  for (const migration of listMigrations(migrationsDir)) {
    const previous = done.get(migration.name);
    if (previous !== undefined) {
      if (previous !== migration.checksum) console.warn(`warning: migration ${migration.name} was modified after it was applied`);
      continue;
    }
    // One transaction per migration (PostgreSQL DDL is transactional): a
    // failing script leaves no half-applied schema and no bookkeeping row.
    const startedAt = new Date();
    try {
      await client.query("BEGIN");
      await client.query(migration.sql);
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
         VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
        [randomUUID(), migration.checksum, migration.name, startedAt],
      );
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
    }
    applied.push(migration.name);
  }
  return { applied, alreadyApplied: done.size };
}

import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runPgStatement } from "@/lib/db/pg-client";
import { afterAll, beforeAll, inject } from "vitest";
import { overrideEnv } from "@/lib/env";
import { migrateSqlite } from "@/lib/db/migrate";
import { migratePostgres } from "@/lib/db/migrate-postgres";
import { disconnectDb, getDb } from "@/lib/db/client";
import { closeReadConnection } from "@/lib/db/raw/read-connection";
// The API limiter writes its counts in the background: written before the database goes away.
import { flushApiCallCounts } from "@/lib/services/rate-limits/api-rate-limit";

export type TestEngine = "sqlite" | "postgresql";

/** The engine this test run targets: `npm run test:pg` (vitest.pg.config.ts) sets PostgreSQL. */
export function testEngine(): TestEngine {
  return process.env.IPAM_TEST_ENGINE === "postgresql" ? "postgresql" : "sqlite";
}

/** A URL for database `name` on the run's PostgreSQL server (tests/pg-global-setup.ts). */
export function pgDatabaseUrl(name: string): string {
  const url = new URL(inject("pgAdminUrl"));
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs one statement on the server's maintenance database (CREATE/DROP DATABASE cannot run in a transaction). */
export function pgAdmin(sql: string): Promise<void> {
  return runPgStatement(inject("pgAdminUrl"), sql);
}

/** A fresh, migrated PostgreSQL database for this run; dropped with `drop()`. */
export async function createPgDatabase(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `ipam_test_${process.pid}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  await pgAdmin(`CREATE DATABASE "${name}"`);
  const url = pgDatabaseUrl(name);
  await migratePostgres(url);
  return { name, url, drop: () => pgAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/**
 * Gives the calling test file its own database, migrated by the same code
 * `npm start` runs: a SQLite file, or under `npm run test:pg` a database of
 * its own on the test PostgreSQL server. Call at the top of an
 * *.integration.test.ts file. `file` is set for SQLite only.
 */
export function useTestDatabase(): { file: string; url: string; engine: TestEngine } {
  const dataDir = path.join(os.tmpdir(), `ipam-test-data-${process.pid}`);
  if (testEngine() === "postgresql") {
    const name = `ipam_test_${process.pid}_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
    const url = pgDatabaseUrl(name);
    overrideEnv({ DATABASE_URL: url, DATA_DIR: dataDir });
    beforeAll(async () => {
      await pgAdmin(`CREATE DATABASE "${name}"`);
      await migratePostgres(url);
    });
    afterAll(async () => {
      await flushApiCallCounts();
      await disconnectDb();
      await pgAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
    return { file: "", url, engine: "postgresql" };
  }
  const file = path.join(os.tmpdir(), `ipam-test-${process.pid}-${randomUUID()}.db`);
  const url = `file:${file}`;
  overrideEnv({ DATABASE_URL: url, DATA_DIR: dataDir });
  migrateSqlite(file);
  afterAll(async () => {
    await flushApiCallCounts();
    await disconnectDb();
    closeReadConnection();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  });
  return { file, url, engine: "sqlite" };
}

/** Deletes all rows between tests that need an empty database. */
export async function resetDatabase(): Promise<void> {
  const db = getDb();
  await db.hostName.deleteMany();
  await db.host.deleteMany();
  await db.network.deleteMany();
  await db.apiToken.deleteMany();
  await db.user.deleteMany();
}

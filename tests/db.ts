import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { overrideEnv } from "@/lib/env";
import { migrateSqlite } from "@/lib/db/migrate";
import { disconnectDb, getDb } from "@/lib/db/client";

/**
 * Gives the calling test file its own SQLite file, migrated by the same code
 * `npm start` runs. Call at the top of an *.integration.test.ts file.
 */
export function useTestDatabase(): { file: string; url: string } {
  const file = path.join(os.tmpdir(), `ipam-test-${process.pid}-${randomUUID()}.db`);
  const url = `file:${file}`;
  overrideEnv({ DATABASE_URL: url, DATA_DIR: path.join(os.tmpdir(), `ipam-test-data-${process.pid}`) });
  migrateSqlite(file);
  afterAll(async () => {
    await disconnectDb();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  });
  return { file, url };
}

/** Deletes all rows between tests that need an empty database. */
export async function resetDatabase(): Promise<void> {
  const db = getDb();
  await db.host.deleteMany();
  await db.network.deleteMany();
  await db.apiToken.deleteMany();
  await db.user.deleteMany();
}

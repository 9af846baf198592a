import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { installPostgresChangeTriggers, installSqliteChangeTriggers, PG_CAPTURE_TRIGGERS } from "../../lib/db/change-triggers";
import { TRACKED_TABLES } from "../../lib/db/change-tracked-tables";
import { migrateDatabase } from "../../lib/db/migrate-database";
import { withPgClient } from "../../lib/db/pg-client";
import type { PgServer } from "../api/postgres-server";

// A migrated scratch database of either engine for one benchmark run, with
// the two things the change-log figures need from outside the app: switch
// the capture triggers off (the "without the change log" baseline, only
// ever in this throwaway database) and count what was recorded.

export type ScratchEngine = "sqlite" | "postgresql";

export interface ScratchDb {
  engine: ScratchEngine;
  url: string;
  /** A folder for this run's files (DATA_DIR, CSV inputs); removed by drop(). */
  dir: string;
  /** Drops the capture triggers: writes then leave no change records, as before the change log. */
  dropCaptureTriggers(): Promise<void>;
  /** Puts them back, as the migration runner installs them. */
  installCaptureTriggers(): Promise<void>;
  /** Rows of `sql` (a SELECT with no parameters) through the engine's own driver. */
  query<T>(sql: string): Promise<T[]>;
  drop(): Promise<void>;
}

export async function scratchDb(engine: ScratchEngine, pgServer?: PgServer): Promise<ScratchDb> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ipam-bench-changes-"));
  if (engine === "sqlite") {
    const file = path.join(dir, "ipam.db");
    const url = `file:${file}`;
    await migrateDatabase(url);
    const onFile = <T>(fn: (db: Database.Database) => T): T => {
      const db = new Database(file);
      try {
        db.pragma("busy_timeout = 10000");
        return fn(db);
      } finally {
        db.close();
      }
    };
    return {
      engine, url, dir,
      async dropCaptureTriggers() {
        onFile((db) => {
          const names = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'change_capture_%'`).pluck().all() as string[];
          for (const name of names) db.exec(`DROP TRIGGER "${name}"`);
        });
      },
      installCaptureTriggers: async () => onFile(installSqliteChangeTriggers),
      query: async <T>(sql: string) => onFile((db) => db.prepare(sql).all() as T[]),
      async drop() {
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!pgServer) throw new Error("a PostgreSQL scratch database needs a server");
  const database = await pgServer.createDatabase();
  await migrateDatabase(database.url);
  return {
    engine, url: database.url, dir,
    async dropCaptureTriggers() {
      await withPgClient(database.url, async (client) => {
        for (const table of Object.keys(TRACKED_TABLES)) {
          for (const name of PG_CAPTURE_TRIGGERS) await client.query(`DROP TRIGGER IF EXISTS ${name} ON "${table}"`);
        }
      });
    },
    installCaptureTriggers: () => withPgClient(database.url, installPostgresChangeTriggers),
    query: <T>(sql: string) => withPgClient(database.url, async (client) => (await client.query(sql)).rows as T[]),
    async drop() {
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

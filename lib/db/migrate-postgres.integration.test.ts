import { spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { migratePostgres, MIGRATION_LOCK_KEY } from "@/lib/db/migrate-postgres";
import { MigrationError } from "@/lib/db/migrate";
import { migrationsPath } from "@/lib/db/schema-variants";
import { withScratchDatabase } from "@/lib/db/pg-scratch";
import { withPgClient } from "@/lib/db/pg-client";
import { usePgServer } from "@/tests/pg-server";

// The runner `npm start` uses on PostgreSQL. Several instances starting at
// once against one database must apply every migration exactly once, and
// all of them must start.

const root = path.resolve(__dirname, "../..");
const pgServer = usePgServer();
const shipped = readdirSync(migrationsPath("postgresql"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const work = mkdtempSync(path.join(os.tmpdir(), "ipam-migrate-pg-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const withClient = withPgClient;

const recorded = (url: string) =>
  withClient(url, async (c) => (await c.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name`)).rows.map((r) => r.migration_name));

/**
 * Holds the migration lock while `start()` launches the contenders, and
 * releases it only once `count` of them wait for it: they really run at once.
 */
async function raceBehindTheLock<T>(url: string, count: number, start: () => Promise<T>[]): Promise<T[]> {
  return withClient(url, async (holder) => {
    await holder.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY.toString()]);
    const running = start();
    running.forEach((p) => p.catch(() => {}));
    for (let waiting = 0; waiting < count; ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const { rows } = await holder.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND NOT l.granted AND d.datname = current_database()`,
      );
      waiting = Number(rows[0].n);
    }
    await holder.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY.toString()]);
    return Promise.all(running);
  });
}

describe("migratePostgres", () => {
  it("applies every migration once when 8 runners start at once on a fresh database, and all succeed", async () => {
    await withScratchDatabase(pgServer(), async (url) => {
      const results = await raceBehindTheLock(url, 8, () => Array.from({ length: 8 }, () => migratePostgres(url)));
      expect(results.flatMap((r) => r.applied).sort()).toEqual(shipped);
      expect(results.filter((r) => r.applied.length > 0)).toHaveLength(1);
      expect(await recorded(url)).toEqual(shipped);
      expect(await migratePostgres(url)).toEqual({ applied: [], alreadyApplied: shipped.length });
    });
  });

  it("applies every migration once when 4 `npm run db:migrate` processes start at once", async () => {
    await withScratchDatabase(pgServer(), async (url) => {
      const migrate = () =>
        new Promise<{ code: number | null; out: string }>((resolve) => {
          const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/migrate.ts"], { cwd: root, env: { ...process.env, DATABASE_URL: url } });
          let out = "";
          child.stdout.on("data", (d) => (out += d));
          child.stderr.on("data", (d) => (out += d));
          child.on("close", (code) => resolve({ code, out: out.trim() }));
        });
      const results = await raceBehindTheLock(url, 4, () => Array.from({ length: 4 }, migrate));
      expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
      expect(results.map((r) => r.out).sort()).toEqual([`Applied: ${shipped.join(", ")}`, ...Array(3).fill("Database is up to date.")].sort());
      expect(await recorded(url)).toEqual(shipped);
    });
  }, 60_000);

  it("an upgrade applies only the new migration; a failing one is rolled back whole, names itself, and is not recorded", async () => {
    const dir = path.join(work, "migrations");
    cpSync(migrationsPath("postgresql"), dir, { recursive: true });
    await withScratchDatabase(pgServer(), async (url) => {
      await migratePostgres(url, dir);
      mkdirSync(path.join(dir, "29990101000000_rack"));
      writeFileSync(path.join(dir, "29990101000000_rack", "migration.sql"), `ALTER TABLE "networks" ADD COLUMN "rack" TEXT;`);
      expect(await migratePostgres(url, dir)).toEqual({ applied: ["29990101000000_rack"], alreadyApplied: shipped.length });
      mkdirSync(path.join(dir, "29990102000000_broken"));
      writeFileSync(path.join(dir, "29990102000000_broken", "migration.sql"), `CREATE TABLE "half" (id INTEGER);\nINSERT INTO "no_such_table" VALUES (1);`);
      await expect(migratePostgres(url, dir)).rejects.toThrow(MigrationError);
      await expect(migratePostgres(url, dir)).rejects.toThrow(/29990102000000_broken failed: relation "no_such_table" does not exist/);
      expect(await withClient(url, async (c) => (await c.query(`SELECT to_regclass('half') AS t`)).rows[0].t)).toBeNull();
      expect(await recorded(url)).toEqual([...shipped, "29990101000000_rack"]);
    });
  });
});

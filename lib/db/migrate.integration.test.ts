import Database from "better-sqlite3";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultMigrationsDir, migrateSqlite, MigrationError } from "@/lib/db/migrate";

// The runner `npm start` uses, on real SQLite files: a fresh install, a
// restart, an upgrade that brings a new migration, and a failing migration.

const work = mkdtempSync(path.join(os.tmpdir(), "ipam-migrate-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
const fresh = () => path.join(work, `db-${++n}`, "ipam.db");
const shipped = readdirSync(defaultMigrationsDir(), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

/** A copy of the shipped migrations plus `extra` ones, as an upgrade would bring. */
function migrationsWith(extra: Record<string, string>): string {
  const dir = path.join(work, `migrations-${++n}`);
  cpSync(defaultMigrationsDir(), dir, { recursive: true });
  for (const [name, sql] of Object.entries(extra)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

function read<T>(file: string, sql: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

describe("migrateSqlite", () => {
  it("creates the folder and the database, applies every migration and records them as Prisma does", () => {
    const file = fresh();
    const result = migrateSqlite(file);
    expect(result).toEqual({ applied: shipped, alreadyApplied: 0 });
    const tables = read<{ name: string }>(file, "SELECT name FROM sqlite_master WHERE type = 'table'").map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(["_prisma_migrations", "networks", "hosts", "users", "api_tokens"]));
    const rows = read<{ migration_name: string; checksum: string; finished_at: number | null; applied_steps_count: number }>(
      file, `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(shipped);
    for (const row of rows) {
      const sql = readFileSync(path.join(defaultMigrationsDir(), row.migration_name, "migration.sql"), "utf8");
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("a restart applies nothing and keeps the data", () => {
    const file = fresh();
    migrateSqlite(file);
    const db = new Database(file);
    db.prepare("INSERT INTO networks (network, cidr, family, start_key, end_key, created_at, updated_at) VALUES ('10.0.0.0', 8, 4, 'a', 'b', 0, 0)").run();
    db.close();
    expect(migrateSqlite(file)).toEqual({ applied: [], alreadyApplied: shipped.length });
    expect(read(file, "SELECT network FROM networks")).toEqual([{ network: "10.0.0.0" }]);
  });

  it("an upgrade applies only the new migration, and a table rebuild keeps dependent rows", () => {
    const file = fresh();
    migrateSqlite(file);
    const db = new Database(file);
    db.pragma("foreign_keys = ON");
    const net = db.prepare("INSERT INTO networks (network, cidr, family, start_key, end_key, created_at, updated_at) VALUES ('10.0.0.0', 8, 4, 'a', 'b', 0, 0)").run();
    db.prepare("INSERT INTO hosts (ip_address, ip_key, family, status, network_id, created_at, updated_at) VALUES ('10.0.0.1', 'k', 4, 'active', ?, 0, 0)").run(net.lastInsertRowid);
    db.close();
    // Prisma's SQLite table rebuild: create new_x with the full definition, copy, DROP x, rename.
    const [{ sql: create }] = read<{ sql: string }>(file, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'networks'");
    const rebuild = `${create.replace(/"networks"/, '"new_networks"')};
INSERT INTO "new_networks" SELECT * FROM "networks";
DROP TABLE "networks";
ALTER TABLE "new_networks" RENAME TO "networks";`;
    const dir = migrationsWith({ "29990101000000_rebuild_networks": rebuild });
    expect(migrateSqlite(file, dir).applied).toEqual(["29990101000000_rebuild_networks"]);
    expect(read(file, "SELECT ip_address, network_id FROM hosts")).toEqual([{ ip_address: "10.0.0.1", network_id: Number(net.lastInsertRowid) }]);
  });

  it("a failing migration is rolled back whole, names itself, and nothing is recorded", () => {
    const file = fresh();
    migrateSqlite(file);
    const dir = migrationsWith({ "29990101000000_broken": `CREATE TABLE "half" (id INTEGER);\nINSERT INTO "no_such_table" VALUES (1);` });
    expect(() => migrateSqlite(file, dir)).toThrow(MigrationError);
    expect(() => migrateSqlite(file, dir)).toThrow(/29990101000000_broken/);
    expect(read(file, "SELECT name FROM sqlite_master WHERE name = 'half'")).toEqual([]);
    expect(read(file, `SELECT migration_name FROM "_prisma_migrations" WHERE migration_name LIKE '2999%'`)).toEqual([]);
  });
});

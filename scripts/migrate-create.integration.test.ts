import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrateSqlite } from "@/lib/db/migrate";
import { migratePostgres } from "@/lib/db/migrate-postgres";
import { withScratchDatabase } from "@/lib/db/pg-scratch";
import { postgresSchemaFrom } from "@/lib/db/schema-variants";
import { usePgServer } from "@/tests/pg-server";

// The developer workflow of docs/database.md, offline: edit the model,
// `npm run db:migrate:create -- <name>` writes the migration for both engines
// with the WASM schema engine (no native engine binary:
// PRISMA_SCHEMA_ENGINE_BINARY points at /bin/false, so any attempt to use one
// fails), then each applies to its engine.

const root = path.resolve(__dirname, "..");
const project = mkdtempSync(path.join(os.tmpdir(), "ipam-migrate-create-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));
const pgServer = usePgServer();

function migrateCreate(databaseUrl: string | undefined, ...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false" };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const result = spawnSync(process.execPath, [
    path.join(root, "node_modules/tsx/dist/cli.mjs"), "--tsconfig", path.join(root, "tsconfig.json"), path.join(root, "scripts/migrate-create.ts"), ...args,
  ], { cwd: project, env, encoding: "utf8", timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const at = (...parts: string[]) => path.join(project, "prisma", ...parts);
const migrations = (engine: string) => readdirSync(at(engine, "migrations"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
const sourceSchema = at("sqlite", "schema.prisma");

async function pgColumns(url: string, table: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ column_name: string; collation_name: string | null }>(
      "SELECT column_name, collation_name FROM information_schema.columns WHERE table_name = $1", [table],
    );
    return Object.fromEntries(rows.map((r) => [r.column_name, r.collation_name]));
  } finally {
    await client.end();
  }
}

describe("npm run db:migrate:create", () => {
  cpSync(path.join(root, "prisma"), path.join(project, "prisma"), { recursive: true });
  const shipped = migrations("sqlite");

  it("says there is nothing to do when the model matches both histories (PostgreSQL side on a throwaway local server)", () => {
    const { code, stdout, stderr } = migrateCreate(undefined, "nothing");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("No schema changes");
    expect(migrations("sqlite")).toEqual(shipped);
    expect(migrations("postgresql")).toEqual(shipped);
  }, 120_000);

  it("writes one migration per engine under one name, regenerates the PostgreSQL schema, collates the new sort key, and both apply", async () => {
    const schema = readFileSync(sourceSchema, "utf8");
    writeFileSync(sourceSchema, schema.replace(/(\n\s*location\s+String\?)/, '$1\n  rack        String?\n  rackKey     String? @map("rack_key")'));
    const { code, stdout, stderr } = migrateCreate(pgServer(), "Add rack to networks");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toContain("not applied");
    const added = migrations("sqlite").filter((m) => !shipped.includes(m));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^\d{14}_add_rack_to_networks$/);
    expect(migrations("postgresql")).toEqual(migrations("sqlite"));
    expect(readFileSync(at("postgresql", "schema.prisma"), "utf8")).toBe(postgresSchemaFrom(readFileSync(sourceSchema, "utf8")));

    const sqliteSql = readFileSync(at("sqlite", "migrations", added[0], "migration.sql"), "utf8");
    expect(sqliteSql).toMatch(/ALTER TABLE "networks" ADD COLUMN "rack" TEXT/);
    const pgSql = readFileSync(at("postgresql", "migrations", added[0], "migration.sql"), "utf8");
    expect(pgSql).toMatch(/ADD COLUMN\s+"rack" TEXT/);
    expect(pgSql).toMatch(/ADD COLUMN\s+"rack_key" TEXT COLLATE "C"/);

    const file = path.join(project, "ipam.db");
    expect(migrateSqlite(file, at("sqlite", "migrations")).applied).toEqual([...shipped, added[0]]);
    const db = new Database(file, { readonly: true });
    const columns = (db.prepare("PRAGMA table_info(networks)").all() as Array<{ name: string }>).map((c) => c.name);
    db.close();
    expect(columns).toEqual(expect.arrayContaining(["rack", "rack_key"]));

    await withScratchDatabase(pgServer(), async (url) => {
      expect((await migratePostgres(url, at("postgresql", "migrations"))).applied).toEqual([...shipped, added[0]]);
      expect(await pgColumns(url, "networks")).toMatchObject({ rack: null, rack_key: "C", start_key: "C" });
    });

    const again = migrateCreate(pgServer(), "again");
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("No schema changes");
  }, 120_000);

  it("refuses a sort-key column that is not a String and writes nothing", () => {
    const before = { sqlite: migrations("sqlite"), postgresql: migrations("postgresql") };
    const schema = readFileSync(sourceSchema, "utf8");
    writeFileSync(sourceSchema, schema.replace(/(\n\s*location\s+String\?)/, '$1\n  shardKey    Int? @map("shard_key")'));
    const { code, stderr } = migrateCreate(pgServer(), "shard key");
    expect(code).toBe(1);
    expect(stderr.trim()).toMatch(/^Error: Column "shard_key" is INTEGER: a column whose name ends in _key is an address sort key/);
    expect({ sqlite: migrations("sqlite"), postgresql: migrations("postgresql") }).toEqual(before);
    expect(readFileSync(at("postgresql", "schema.prisma"), "utf8")).not.toContain("shard_key");
  }, 120_000);
});

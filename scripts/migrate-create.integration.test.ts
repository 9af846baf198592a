import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrateSqlite } from "@/lib/db/migrate";

// The developer workflow of docs/database.md, offline: edit the schema,
// `npm run db:migrate:create -- <name>` writes the migration with the WASM
// schema engine (no native engine binary: PRISMA_SCHEMA_ENGINE_BINARY points
// at /bin/false, so any attempt to use one fails), then it applies.

const root = path.resolve(__dirname, "..");
const project = mkdtempSync(path.join(os.tmpdir(), "ipam-migrate-create-"));
afterAll(() => rmSync(project, { recursive: true, force: true }));

function migrateCreate(...args: string[]) {
  const result = spawnSync(process.execPath, [
    path.join(root, "node_modules/tsx/dist/cli.mjs"), "--tsconfig", path.join(root, "tsconfig.json"), path.join(root, "scripts/migrate-create.ts"), ...args,
  ], { cwd: project, env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false" }, encoding: "utf8", timeout: 120_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const migrations = () => readdirSync(path.join(project, "prisma/migrations"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

describe("npm run db:migrate:create", () => {
  cpSync(path.join(root, "prisma"), path.join(project, "prisma"), { recursive: true });
  const shipped = migrations();

  it("says there is nothing to do when the schema matches the migrations", () => {
    const { code, stdout } = migrateCreate("nothing");
    expect(code).toBe(0);
    expect(stdout).toContain("No schema changes");
    expect(migrations()).toEqual(shipped);
  });

  it("writes the next migration for a schema change, in Prisma's layout, and it applies", () => {
    const schemaFile = path.join(project, "prisma/schema.prisma");
    const schema = readFileSync(schemaFile, "utf8");
    writeFileSync(schemaFile, schema.replace(/(\n\s*location\s+String\?)/, '$1\n  rack        String?'));
    const { code, stdout, stderr } = migrateCreate("Add rack to networks");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const added = migrations().filter((m) => !shipped.includes(m));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^\d{14}_add_rack_to_networks$/);
    const sql = readFileSync(path.join(project, "prisma/migrations", added[0], "migration.sql"), "utf8");
    expect(sql).toMatch(/ALTER TABLE "networks" ADD COLUMN "rack" TEXT/);
    expect(stdout).toContain("not applied");

    const file = path.join(project, "ipam.db");
    expect(migrateSqlite(file, path.join(project, "prisma/migrations")).applied).toEqual([...shipped, added[0]]);
    const db = new Database(file, { readonly: true });
    const columns = (db.prepare("PRAGMA table_info(networks)").all() as Array<{ name: string }>).map((c) => c.name);
    db.close();
    expect(columns).toContain("rack");
  });
});

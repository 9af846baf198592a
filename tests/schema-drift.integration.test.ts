import { readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { migrateSqlite } from "@/lib/db/migrate";
import { migratePostgres } from "@/lib/db/migrate-postgres";
import { ENGINES, migrationsPath, postgresSchemaFrom, readSourceSchema, schemaPath } from "@/lib/db/schema-variants";
import { diffDatabaseToSchema, diffMigrationsToSchema, MIGRATION_LOCK_FILE, migrationLockContent } from "@/lib/db/schema-engine";
import { pgEngineAdapter } from "@/lib/db/pg-engine-adapter";
import { withScratchDatabase } from "@/lib/db/pg-scratch";
import { runPgStatement } from "@/lib/db/pg-client";
import { pgKeyColumnsWithoutCCollation, pgShape, shapeDifferences, sqliteShape } from "@/tests/schema-shape";
import { usePgServer } from "@/tests/pg-server";

// One model, two engines (issue 10): the generated PostgreSQL schema, the two
// migration histories and the databases they build must not drift apart.
// tests/schema-shape.test.ts shows the comparison sees each kind of drift.

const pgServer = usePgServer();
const sqliteFile = path.join(os.tmpdir(), `ipam-drift-${process.pid}-${randomUUID()}.db`);
afterAll(() => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(sqliteFile + suffix, { force: true });
});

const migrationNames = (engine: (typeof ENGINES)[number]) =>
  readdirSync(migrationsPath(engine), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

const exec = runPgStatement;

describe("the SQLite and PostgreSQL schemas and migrations", () => {
  it("prisma/postgresql/schema.prisma is what postgresSchemaFrom makes of the model", () => {
    expect(readFileSync(schemaPath("postgresql"), "utf8")).toBe(postgresSchemaFrom(readSourceSchema()));
  });

  it("both histories have the same migration names and their engine's lock file", () => {
    expect(migrationNames("postgresql")).toEqual(migrationNames("sqlite"));
    expect(migrationNames("sqlite").length).toBeGreaterThan(0);
    for (const engine of ENGINES) {
      expect(readFileSync(path.join(migrationsPath(engine), MIGRATION_LOCK_FILE), "utf8")).toBe(migrationLockContent(engine));
    }
  });

  it("each history builds exactly its schema (the engine finds nothing to add)", async () => {
    expect(await diffMigrationsToSchema({ migrationsDir: migrationsPath("sqlite"), schemaPath: schemaPath("sqlite") })).toBe("");
    await withScratchDatabase(pgServer(), async (url) => {
      await migratePostgres(url);
      expect(await diffDatabaseToSchema({ adapterFactory: pgEngineAdapter(url), schemaPath: schemaPath("postgresql") })).toBe("");
    });
  });

  it("migrated databases have the same tables, columns, indexes and foreign keys; PostgreSQL sort keys are COLLATE \"C\"", async () => {
    migrateSqlite(sqliteFile);
    const sqlite = sqliteShape(sqliteFile);
    expect(Object.keys(sqlite)).toEqual(expect.arrayContaining(["networks", "hosts", "host_names", "users", "api_tokens"]));
    await withScratchDatabase(pgServer(), async (url) => {
      await migratePostgres(url);
      expect(shapeDifferences(sqlite, await pgShape(url))).toEqual([]);
      expect(await pgKeyColumnsWithoutCCollation(url)).toEqual([]);
    });
  });

  it("the same checks fail on a PostgreSQL database that drifted", async () => {
    await withScratchDatabase(pgServer(), async (url) => {
      await migratePostgres(url);
      await exec(url, `CREATE INDEX "hosts_cname_idx" ON "hosts"("cname"); ALTER TABLE "hosts" ADD COLUMN "rack_key" TEXT`);
      expect(shapeDifferences(sqliteShape(sqliteFile), await pgShape(url))).toEqual([
        "hosts: column rack_key text NULL: only in postgresql",
        "hosts: index hosts_cname_idx (cname): only in postgresql",
      ]);
      expect(await pgKeyColumnsWithoutCCollation(url)).toEqual(["hosts.rack_key"]);
      expect(await diffDatabaseToSchema({ adapterFactory: pgEngineAdapter(url), schemaPath: schemaPath("postgresql") })).toMatch(/DROP INDEX "hosts_cname_idx"[\s\S]*DROP COLUMN "rack_key"/);
    });
  });
});

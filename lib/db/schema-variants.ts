import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// One data model, two engines. Prisma binds `provider` (and a migrations
// folder) to one engine, so each engine has its own folder under prisma/.
// prisma/sqlite/schema.prisma is the model everyone edits; the PostgreSQL
// schema is generated from it by `postgresSchemaFrom` (npm run
// db:migrate:create and the postinstall step rewrite it, and a test fails
// when the committed file differs from what this function makes).

export type Engine = "sqlite" | "postgresql";

export const ENGINES: readonly Engine[] = ["sqlite", "postgresql"];

export const SOURCE_SCHEMA = "prisma/sqlite/schema.prisma";

export function schemaPath(engine: Engine, root = process.cwd()): string {
  return path.resolve(root, "prisma", engine, "schema.prisma");
}

export function migrationsPath(engine: Engine, root = process.cwd()): string {
  return path.resolve(root, "prisma", engine, "migrations");
}

const GENERATED_HEADER =
  `// GENERATED from ${SOURCE_SCHEMA} by lib/db/schema-variants.ts: edit that file, then run\n` +
  "// `npm run db:migrate:create -- <name>` (or `node scripts/generate.mjs`).\n\n";

/** The PostgreSQL schema for the SQLite source: same models, its own provider and client output. */
export function postgresSchemaFrom(source: string): string {
  const datasource = /datasource\s+db\s*\{[^}]*provider\s*=\s*"sqlite"/;
  const output = /output\s*=\s*"\.\.\/\.\.\/lib\/generated\/prisma"/;
  if (!datasource.test(source) || !output.test(source)) {
    throw new Error(`${SOURCE_SCHEMA} must keep provider = "sqlite" and output = "../../lib/generated/prisma"`);
  }
  return (
    GENERATED_HEADER +
    source
      .replace(datasource, (block) => block.replace('"sqlite"', '"postgresql"'))
      .replace(output, 'output       = "../../lib/generated/prisma-pg"')
  );
}

export function readSourceSchema(root = process.cwd()): string {
  return readFileSync(path.resolve(root, SOURCE_SCHEMA), "utf8");
}

/** Writes prisma/postgresql/schema.prisma (generated from the model unless given) if it changed; true if written. */
export function writePostgresSchema(schema = postgresSchemaFrom(readSourceSchema()), root = process.cwd()): boolean {
  const target = schemaPath("postgresql", root);
  if (existsSync(target) && readFileSync(target, "utf8") === schema) return false;
  writeFileSync(target, schema, "utf8");
  return true;
}

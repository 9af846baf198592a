// `npm run db:migrate:create -- <name>`: write the next migration for both
// engines, under one folder name, offline.
//
// Stands in for `prisma migrate dev --create-only`, whose native schema engine
// cannot be downloaded here. prisma/sqlite/schema.prisma is the model;
// prisma/postgresql/schema.prisma is regenerated from it first. Then:
// - SQLite: the WASM schema engine replays prisma/sqlite/migrations into an
//   in-memory shadow database and diffs that against the SQLite schema.
// - PostgreSQL: prisma/postgresql/migrations are applied to a scratch
//   database (on DATABASE_URL's server if it is PostgreSQL, else on a
//   throwaway local cluster) and the engine diffs it against the PostgreSQL
//   schema; sort-key columns get COLLATE "C" (lib/db/key-collation.ts).
// Both are computed before anything is written. Nothing is applied:
// `npm run db:migrate` (or `npm start`) does that.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadEnv } from "@/lib/env";
import { ENGINES, migrationsPath, postgresSchemaFrom, readSourceSchema, schemaPath, writePostgresSchema, type Engine } from "@/lib/db/schema-variants";
import { diffMigrationsToSchema, MIGRATION_LOCK_FILE, migrationLockContent, readMigrationsList } from "@/lib/db/schema-engine";
import { withPgServer } from "@/lib/db/pg-scratch";
import { pendingPostgresSql } from "@/lib/db/pg-pending-sql";

const USAGE = "Usage: npm run db:migrate:create -- <name> [--create-only]";

/** Like the Prisma CLI's slugify(name, { separator: "_" }): "Add VLAN names" → "add_vlan_names". */
function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

/** UTC YYYYMMDDHHMMSS, the prefix the schema engine gives migration folders. */
function timestamp(now = new Date()): string {
  return now.toISOString().replace(/\D/g, "").slice(0, 14);
}

function parseArgs(argv: string[]): string {
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--create-only") continue; // always the case here
    if (arg === "--name" || arg === "-n") names.push(argv[++i] ?? "");
    else if (arg === "--help" || arg === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else if (arg.startsWith("-")) throw new Error(`Unknown option ${arg}\n${USAGE}`);
    else names.push(arg);
  }
  const name = slugify(names.join(" "));
  if (!name) throw new Error(`A migration name is required.\n${USAGE}`);
  return name;
}

const EMPTY = "-- This is an empty migration.\n";

async function main(): Promise<void> {
  const name = parseArgs(process.argv.slice(2));
  // A folder locked to the other provider is refused before any work.
  for (const engine of ENGINES) readMigrationsList(migrationsPath(engine), engine);
  const postgresSchema = postgresSchemaFrom(readSourceSchema());
  // Both are computed before anything is written: a failure leaves the tree as it was.
  const sql: Record<Engine, string> = {
    sqlite: await diffMigrationsToSchema({ migrationsDir: migrationsPath("sqlite"), schemaPath: schemaPath("sqlite") }),
    postgresql: await withPgServer(loadEnv().DATABASE_URL, (serverUrl) =>
      pendingPostgresSql({ serverUrl, migrationsDir: migrationsPath("postgresql"), schemaPath: schemaPath("postgresql"), schema: postgresSchema }),
    ),
  };
  const changed = ENGINES.some((engine) => sql[engine].trim());
  // One folder name for both engines: the drift test compares the two histories by name.
  const folder = `${timestamp()}_${name}`;
  for (const engine of changed ? ENGINES : []) {
    const dir = path.join(migrationsPath(engine), folder);
    if (existsSync(dir)) throw new Error(`The migration directory already exists at ${dir}`);
  }
  if (writePostgresSchema(postgresSchema)) console.log(`Regenerated ${path.relative(process.cwd(), schemaPath("postgresql"))} from the model.`);
  if (!changed) {
    console.log("No schema changes; nothing to create.");
    return;
  }

  for (const engine of ENGINES) {
    const migrationsDir = migrationsPath(engine);
    const file = path.join(migrationsDir, folder, "migration.sql");
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, sql[engine].trim() ? sql[engine] : EMPTY, "utf8");
    // The provider was checked against an existing lock file above.
    const lockFile = path.join(migrationsDir, MIGRATION_LOCK_FILE);
    if (!existsSync(lockFile)) writeFileSync(lockFile, migrationLockContent(engine), "utf8");
    console.log(`\nCreated ${path.relative(process.cwd(), file)} (not applied):\n`);
    console.log((sql[engine] || EMPTY).trimEnd());
    if (!sql[engine].trim()) console.log(`(no ${engine} change: the empty migration keeps both histories in step)`);
  }
  // The WASM engine computes no data-loss warnings, so nobody else will warn
  // about dropped columns or tables.
  console.log(
    "\nReview the SQL above (data-loss warnings are not computed offline), " +
      "then apply it with `npm run db:migrate` or `npm start`, and run `node scripts/generate.mjs` for the clients.",
  );
}

main().catch((error: unknown) => {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

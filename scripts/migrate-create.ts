// `npm run db:migrate:create -- <name>`: write the next migration, offline.
//
// Stands in for `prisma migrate dev --create-only`, whose native schema engine
// cannot be downloaded here. The WASM schema engine replays prisma/migrations
// into an in-memory shadow database and diffs that against
// prisma/schema.prisma; the SQL goes into the same layout Prisma writes.
// Nothing is applied: `npm run db:migrate` (or `npm start`) does that.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultMigrationsDir } from "@/lib/db/migrate";
import { diffMigrationsToSchema, MIGRATION_LOCK_FILE, migrationLockContent } from "@/lib/db/schema-engine";

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

async function main(): Promise<void> {
  const name = parseArgs(process.argv.slice(2));
  const migrationsDir = defaultMigrationsDir();
  const schemaPath = path.resolve(process.cwd(), "prisma/schema.prisma");

  const sql = await diffMigrationsToSchema({ migrationsDir, schemaPath });
  if (!sql.trim()) {
    console.log("No schema changes; nothing to create.");
    return;
  }

  const dir = path.join(migrationsDir, `${timestamp()}_${name}`);
  if (existsSync(dir)) throw new Error(`The migration directory already exists at ${dir}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "migration.sql");
  writeFileSync(file, sql, "utf8");
  // The provider was checked against an existing lock file during the diff.
  const lockFile = path.join(migrationsDir, MIGRATION_LOCK_FILE);
  if (!existsSync(lockFile)) writeFileSync(lockFile, migrationLockContent("sqlite"), "utf8");

  console.log(`Created ${path.relative(process.cwd(), file)} (not applied):\n`);
  console.log(sql.trimEnd());
  // The WASM engine cannot evaluate data loss for SQLite, so nobody else
  // will warn about dropped columns or tables.
  console.log(
    "\nReview the SQL above (data-loss warnings are not computed offline), " +
      "then apply it with `npm run db:migrate` or `npm start`.",
  );
}

main().catch((error: unknown) => {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

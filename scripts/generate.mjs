// Generates both Prisma clients (npm postinstall): lib/generated/prisma for
// SQLite and lib/generated/prisma-pg for PostgreSQL. It first rewrites
// prisma/postgresql/schema.prisma from the one model everyone edits,
// prisma/sqlite/schema.prisma (lib/db/schema-variants.ts).
// Prisma's CLI wants its native schema engine for every command and would try
// to download it; generating needs no engine, so any executable stands in.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const standIn = existsSync("/bin/false") ? "/bin/false" : process.execPath;
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: standIn, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };

function run(args) {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(["node_modules/tsx/dist/cli.mjs", "scripts/write-postgres-schema.ts"]);
for (const engine of ["sqlite", "postgresql"]) {
  run(["node_modules/prisma/build/index.js", "generate", "--schema", `prisma/${engine}/schema.prisma`]);
}

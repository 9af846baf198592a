// Generates the Prisma client into lib/generated/prisma (npm postinstall).
// Prisma's CLI wants its native schema engine for every command and would try
// to download it; generating needs no engine, so any executable stands in.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const standIn = existsSync("/bin/false") ? "/bin/false" : process.execPath;
const result = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: standIn, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);

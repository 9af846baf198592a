// `npm start`: prepare the database, build when the build is missing or stale,
// then serve the production app (scripts/serve.ts). Restarting keeps ./data;
// upgrading applies new migrations here.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { childProcessEnv, EnvError, loadEnv } from "@/lib/env";
import { prepareInstance } from "@/lib/boot/prepare-instance";
import { scheduleChangePruning } from "@/lib/boot/schedule-change-pruning";
import { buildFingerprint } from "@/lib/boot/build-fingerprint";
import { serveCommand } from "@/lib/http/serve-command";

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

async function main(): Promise<void> {
  const env = loadEnv();
  await prepareInstance();
  // This process lives as long as the server it starts: it prunes the change log daily (CHANGELOG_RETENTION_DAYS).
  if (env.CHANGELOG_RETENTION_DAYS > 0) scheduleChangePruning();
  const stampFile = path.resolve(env.NEXT_DIST_DIR, "ipam-build-fingerprint");
  const fingerprint = buildFingerprint();
  const current = existsSync(stampFile) && readFileSync(stampFile, "utf8") === fingerprint;
  if (!current) {
    console.log("Building the production app (first start or changed sources)…");
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], {
      stdio: "inherit",
      env: childProcessEnv({ NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }),
    });
    if (build.status !== 0) throw new Error("next build failed");
    writeFileSync(stampFile, fingerprint);
  }
  // Our server in front of Next (scripts/serve.ts), not `next start`: it says "IPAM listening on …" once it does.
  const [command, args] = serveCommand();
  const server = spawn(command, args, {
    stdio: "inherit",
    env: childProcessEnv({ NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }),
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  // A bad DATABASE_URL or PORT stops the start with one line naming the variable.
  console.error(error instanceof EnvError ? error.message : `Start failed: ${(error as Error).message}`);
  process.exit(1);
});

// `npm start` (through scripts/launch.mjs): prepare the database, build when
// the build is missing or stale, then become the production server
// (scripts/serve.ts) in this same process. Restarting keeps ./data;
// upgrading applies new migrations here.
//
// The migrations run here first (prepareDatabase: no database client is
// loaded for them). The rest of the preparation runs in a child process that
// exits when done: what it loads (Prisma's client, the services) would
// otherwise stay in the server's memory for good. With a current build it
// runs while Next loads, or after the server listens when nothing has to
// wait for it (lib/boot/listen-gate.ts).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { childProcessEnv, EnvError, loadEnv } from "@/lib/env";
import { buildFingerprint } from "@/lib/boot/build-fingerprint";
import { holdListeningUntil, whenListening } from "@/lib/boot/listen-gate";
import { prepareDatabase } from "@/lib/boot/prepare-database";

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");
// The bundled siblings of this file (scripts/launch.mjs bundles every entry into one folder).
const sibling = (name: string) => fileURLToPath(new URL(`./${name}.mjs`, import.meta.url));

/** The preparation child; a failed one ends this process with its exit code (it printed why). */
function prepare(): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [sibling("prepare")], { stdio: "inherit" });
    child.once("error", (error) => {
      console.error(`Start failed: ${error.message}`);
      process.exit(1);
    });
    child.once("exit", (code) => (code === 0 ? resolve() : process.exit(code ?? 1)));
  });
}

/** The same child once the server listens: should it fail, the server goes on (the child printed why). */
function prepareBeside(): void {
  const child = spawn(process.execPath, [sibling("prepare")], { stdio: "inherit" });
  child.once("error", (error) => console.error(`Start-up upkeep failed: ${error.message}`));
  child.once("exit", (code) => code !== 0 && console.error(`Start-up upkeep failed (exit ${code}); the server goes on`));
}

async function main(): Promise<void> {
  const env = loadEnv();
  const stampFile = path.resolve(env.NEXT_DIST_DIR, "ipam-build-fingerprint");
  const fingerprint = buildFingerprint();
  const current = existsSync(stampFile) && readFileSync(stampFile, "utf8") === fingerprint;
  const applied = await prepareDatabase();
  // Just-migrated databases get their host names backfilled, and a pending first admin is created, before any request.
  const mustWait = applied.length > 0 || Boolean(env.IPAM_ADMIN_EMAIL && env.IPAM_ADMIN_PASSWORD);
  if (current && mustWait) {
    // Next loads here while the child prepares; the server listens once it is done.
    holdListeningUntil(prepare());
  } else if (current) {
    whenListening(prepareBeside);
  } else {
    await prepare();
    console.log("Building the production app (first start or changed sources)…");
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], {
      stdio: "inherit",
      env: childProcessEnv({ NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }),
    });
    if (build.status !== 0) throw new Error("next build failed");
    writeFileSync(stampFile, fingerprint);
  }
  Object.assign(process.env, { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  await import(pathToFileURL(sibling("serve")).href);
}

main().catch((error: unknown) => {
  // A bad DATABASE_URL or PORT stops the start with one line naming the variable.
  console.error(error instanceof EnvError ? error.message : `Start failed: ${(error as Error).message}`);
  process.exit(1);
});

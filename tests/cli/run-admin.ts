import { spawnSync } from "node:child_process";
import path from "node:path";

/** `npm run admin -- …` as users run it (plain node, scripts/launch.mjs), against `databaseUrl`. */
export function runAdmin(databaseUrl: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["scripts/launch.mjs", "admin", ...args], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: path.dirname(databaseUrl.replace(/^file:/, "")) },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout.trimEnd(), stderr: result.stderr };
}

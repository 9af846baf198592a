import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { loadEnv } from "@/lib/env";
import { makePrivateDir } from "@/lib/db/private-files";

let cached: string | undefined;

/**
 * AUTH_SECRET when set; otherwise a random secret generated on first start and
 * kept in the data folder, so sessions survive restarts without a constant in code.
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  const env = loadEnv();
  if (env.AUTH_SECRET) return (cached = env.AUTH_SECRET);
  const file = path.resolve(env.DATA_DIR, "auth-secret");
  if (!existsSync(file)) {
    makePrivateDir(path.dirname(file));
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process (a build worker) wrote it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return (cached = readFileSync(file, "utf8").trim());
}

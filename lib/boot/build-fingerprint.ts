import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// Whatever can change the production build. A content hash (not mtimes) so a
// fresh clone of an already-built tree is not rebuilt needlessly.
const INPUT_FILES = ["package-lock.json", "next.config.ts", "proxy.ts", "instrumentation-client.ts", "tsconfig.json", "postcss.config.mjs", "tailwind.config.ts", "prisma/sqlite/schema.prisma"];
const INPUT_DIRS = ["app", "components", "lib", "plugins", "public"];
const SOURCE = /\.(tsx?|mjs|css|json|svg|png|ico)$/;

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (SOURCE.test(entry.name) && !entry.name.includes(".test.")) out.push(full);
  }
}

export function buildFingerprint(root = process.cwd()): string {
  const files = INPUT_FILES.map((f) => path.join(root, f)).filter(existsSync);
  for (const dir of INPUT_DIRS) walk(path.join(root, dir), files);
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    if (!statSync(file).isFile()) continue;
    hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

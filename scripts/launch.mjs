// `npm start`, `npm run admin` and `npm run db:migrate` run here, with plain
// `node`: no tsx transpiling at run time and no extra loader process. The
// TypeScript entry points (scripts/*.ts and the lib code they use) are
// bundled by esbuild once, into node_modules/.cache/ipam/, and bundled again
// only when a file that went into the bundle changes (checked by content).
//
//   node scripts/launch.mjs <start|serve|admin|migrate|prepare|prune> [args…]
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const ENTRIES = ["start", "serve", "admin", "migrate", "prepare", "prune"];
// Modules that run on a worker thread, bundled beside the entries (the code that starts one finds it there).
const WORKERS = { "sqlite-restore-worker": "lib/db/raw/sqlite-restore-worker.ts" };
const ROOT = process.cwd();
const CACHE = path.join(ROOT, "node_modules", ".cache", "ipam");
const STAMP = path.join(CACHE, "scripts.json");

const sha1 = (file) => createHash("sha1").update(readFileSync(file)).digest("hex");

/** The last bundle, when every file that went into it is unchanged. */
function currentBundle() {
  if (!existsSync(STAMP)) return null;
  try {
    const stamp = JSON.parse(readFileSync(STAMP, "utf8"));
    if (!existsSync(path.join(CACHE, stamp.dir))) return null;
    for (const [file, hash] of Object.entries(stamp.inputs)) {
      const full = path.join(ROOT, file);
      if (!existsSync(full) || sha1(full) !== hash) return null;
    }
    return path.join(CACHE, stamp.dir);
  } catch {
    return null;
  }
}

// lib code marks itself server-only for Next; outside Next that import has nothing to guard.
const serverOnly = {
  name: "server-only",
  setup(build) {
    build.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
  },
};

/**
 * Bundles every entry into a fresh folder and then points the stamp at it,
 * so a process starting meanwhile (several instances, a CLI next to the
 * server) never loads a half-written bundle.
 */
async function bundle() {
  const { build, stop } = await import("esbuild");
  const dir = `scripts-${Date.now()}-${randomBytes(3).toString("hex")}`;
  const outdir = path.join(CACHE, dir);
  try {
    const result = await build({
      entryPoints: {
        ...Object.fromEntries(ENTRIES.map((name) => [name, path.join(ROOT, "scripts", `${name}.ts`)])),
        ...Object.fromEntries(Object.entries(WORKERS).map(([name, file]) => [name, path.join(ROOT, file)])),
      },
      outdir,
      bundle: true,
      splitting: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      outExtension: { ".js": ".mjs" },
      // Some lib code and CommonJS packages expect require() inside ESM.
      banner: { js: 'import { createRequire as __ipamCreateRequire } from "node:module"; const require = __ipamCreateRequire(import.meta.url);' },
      plugins: [serverOnly],
      metafile: true,
      logLevel: "error",
    });
    const inputs = {};
    for (const file of Object.keys(result.metafile.inputs)) {
      if (file.startsWith("empty:")) continue;
      inputs[path.relative(ROOT, path.resolve(ROOT, file))] = sha1(path.resolve(ROOT, file));
    }
    const tmp = `${STAMP}.${process.pid}`;
    writeFileSync(tmp, JSON.stringify({ dir, inputs }));
    renameSync(tmp, STAMP);
    removeOldBundles(dir);
    return outdir;
  } finally {
    await stop();
  }
}

/** Earlier bundles, once they are an hour old: a process started from one may still load its chunks lazily. */
function removeOldBundles(keep) {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(CACHE)) {
    const full = path.join(CACHE, name);
    if (!name.startsWith("scripts-") || name === keep) continue;
    if (statSync(full).mtimeMs < hourAgo) rmSync(full, { recursive: true, force: true });
  }
}

const [entry, ...args] = process.argv.slice(2);
if (!ENTRIES.includes(entry)) {
  console.error(`usage: node scripts/launch.mjs <${ENTRIES.join("|")}> [args…]`);
  process.exit(2);
}
mkdirSync(CACHE, { recursive: true });
const dir = currentBundle() ?? (await bundle());
// The entry reads its own arguments from process.argv, as it would under tsx.
process.argv = [process.argv[0], path.join(dir, `${entry}.mjs`), ...args];
await import(pathToFileURL(path.join(dir, `${entry}.mjs`)).href);

// `node scripts/run-side-by-side.mjs <npm script> …`: runs npm scripts at the
// same time, each output line prefixed with its script's name, and fails when
// any of them fails (after all have finished, so every failure is shown).
// `npm test` runs the SQLite and PostgreSQL suites side by side this way.
// They share nothing: temp SQLite files of their own, and a throwaway
// PostgreSQL cluster per run. On a 2-core machine vitest gives each suite one
// worker (cores - 1): one after the other they took 438 + 443 s in CI, side
// by side 673 s. The browser suite runs after them, alone: beside the
// PostgreSQL suite it slowed by more than the pair gained (d2dc670).
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error("usage: node scripts/run-side-by-side.mjs <npm script> [<npm script> …]");
  process.exit(2);
}

function run(script) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn("npm", ["run", script], { stdio: ["ignore", "pipe", "pipe"] });
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on("line", (line) => console.log(`[${script}] ${line}`));
    }
    child.on("error", (error) => console.log(`[${script}] could not start: ${error.message}`));
    child.on("close", (code, signal) => resolve({ script, ok: code === 0, how: signal ?? `exit ${code}`, seconds: (Date.now() - started) / 1000 }));
  });
}

const results = await Promise.all(scripts.map(run));
for (const r of results) console.log(`${r.ok ? "passed" : "FAILED"}: npm run ${r.script} (${r.how}, ${r.seconds.toFixed(0)} s)`);
process.exit(results.every((r) => r.ok) ? 0 : 1);

// `node scripts/run-side-by-side.mjs <npm script> …`: runs npm scripts at the
// same time, each output line prefixed with its script's name, and fails when
// any of them fails (after all have finished, so every failure is shown).
// `npm test` runs the PostgreSQL suite beside the browser suite this way:
// they share nothing (a throwaway PostgreSQL cluster; a build, a server and a
// SQLite file of their own), and the browser suite spends much of its time
// waiting on the browser and its server, so the pair takes little more than
// the longer one alone.
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

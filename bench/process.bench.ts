// `npm start`'s process tree (issue 15.6): cold start with a build present,
// idle RSS of the whole tree, and RSS after a large import and a minute of
// idling. `npm run bench -- process`. SQLite, a fresh data folder; the build
// in NEXT_DIST_DIR must be current (run `npm start` once), or the first start
// builds (reported, and the cold start is then measured on the second start).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { childProcessEnv } from "../lib/env";
import type { BenchRow } from "./api/figure";
import { addToken, openBenchDb } from "./api/seed";
import { freePort } from "./api/server";
import { median } from "./api/measure";

const IMPORT_HOSTS = Number(process.env.BENCH_PROCESS_HOSTS ?? 1_000_000);
const IDLE_S = Number(process.env.BENCH_PROCESS_IDLE_S ?? 60);

interface Started { child: ChildProcess; url: string; ms: number; output: string[] }

/** `node scripts/launch.mjs start` (what `npm start` runs, without npm's own ~60 MB) until GET /health answers. */
async function start(dataDir: string): Promise<Started> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.resolve("scripts/launch.mjs"), "start"], {
    env: childProcessEnv({ PORT: String(port), HOST: "127.0.0.1", DATA_DIR: dataDir, DATABASE_URL: `file:${path.join(dataDir, "ipam.db")}`, AUTH_SECRET: randomBytes(24).toString("hex"), API_RATE_LIMIT: "0" }),
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const output: string[] = [];
  child.stdout!.on("data", (b: Buffer) => output.push(b.toString()));
  child.stderr!.on("data", (b: Buffer) => output.push(b.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}:\n${output.join("")}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) return { child, url, ms: performance.now() - t0, output };
    } catch {
      // not listening yet
    }
    if (performance.now() - t0 > 15 * 60_000) throw new Error("no health answer within 15 minutes");
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function stop(s: Started): Promise<void> {
  try {
    process.kill(-s.child.pid!, "SIGTERM");
  } catch {
    return;
  }
  await new Promise((r) => (s.child.exitCode !== null ? r(null) : s.child.once("exit", r)));
}

/** RSS (MB) of every process in the group `pgid` (the launcher and anything it spawned). */
function treeRssMb(pgid: number): number {
  let kb = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return kb / 1024;
}

function hostsCsv(count: number): string {
  const lines = ["ip_address,hostname,mac_address"];
  for (let i = 0; i < count; i++) {
    const v = 0x0a000001 + i;
    const ip = `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
    const mac = `02:00:${[24, 16, 8, 0].map((s) => ((i >>> s) & 255).toString(16).padStart(2, "0")).join(":")}`;
    lines.push(`${ip},h${i},${mac}`);
  }
  return `${lines.join("\n")}\n`;
}

export async function runProcessBench(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "ipam-process-bench-"));
  const rows: BenchRow[] = [];
  try {
    // A first start creates the database (and builds when the build is not current).
    const first = await start(dataDir);
    const built = first.output.join("").includes("Building the production app");
    await stop(first);
    const colds: number[] = [];
    let last: Started | null = null;
    for (let i = 0; i < 3; i++) {
      if (last) await stop(last);
      last = await start(dataDir);
      colds.push(last.ms);
    }
    const cold = median(colds);
    rows.push({
      case: "cold start: `node scripts/launch.mjs start` to the first GET /health answer (build present, database migrated)", goal: "< 1500 ms",
      measured: `${cold.toFixed(0)} ms (median of ${colds.map((c) => c.toFixed(0)).join(", ")})${built ? "; the first start built the app" : ""}`, ok: cold < 1500,
    });
    const server = last!;
    await new Promise((r) => setTimeout(r, 5000));
    const idle = treeRssMb(server.child.pid!);
    rows.push({ case: "idle RSS of the process tree (launcher + server; npm adds ~60 MB)", goal: "< 250 MB", measured: `${idle.toFixed(0)} MB`, ok: idle < 250 });

    const db = openBenchDb(path.join(dataDir, "ipam.db"));
    const token = addToken(db);
    db.close();
    const auth = { authorization: `Bearer ${token}` };
    const net = await fetch(`${server.url}/api/v1/networks`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ network: "10.0.0.0/8", name: "bench" }) });
    if (!net.ok) throw new Error(`network: ${net.status} ${await net.text()}`);
    const csv = hostsCsv(IMPORT_HOSTS);
    let peak = 0;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRssMb(server.child.pid!))), 200);
    const t0 = performance.now();
    const imported = await fetch(`${server.url}/api/v1/import/csv?type=hosts`, { method: "POST", headers: { ...auth, "content-type": "text/csv" }, body: csv });
    const importS = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    if (!imported.ok) throw new Error(`import: ${imported.status} ${(await imported.text()).slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, IDLE_S * 1000));
    const after = treeRssMb(server.child.pid!);
    rows.push({
      case: `RSS of the tree after importing ${IMPORT_HOSTS.toLocaleString("en-US")} hosts (CSV over HTTP) and ${IDLE_S} s idle`, goal: "< 600 MB",
      measured: `${after.toFixed(0)} MB (peak during the import ${peak.toFixed(0)} MB; import ${importS.toFixed(0)} s)`, ok: after < 600,
    });
    await stop(server);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  return rows;
}

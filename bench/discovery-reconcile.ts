// The discovery case of `npm run bench -- plugins`: reconciling a
// 65,536-address nmap XML against a /16 holding 50,000 hosts (goal < 5 s,
// peak RSS < 500 MB). Seeding and reconciling run in child processes (under
// tsx: the RSS includes the TypeScript loader), the second timed from the
// parse of the file to the finished change set.
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { PgServer } from "./api/postgres-server";
import { scratchDb, type ScratchEngine } from "./change-log/scratch-db";
import type { BenchRow } from "./plugins.bench";

function child(args: string[], env: NodeJS.ProcessEnv): Record<string, any> {
  const script = path.join(import.meta.dirname, "discovery-reconcile-child.ts");
  const r = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", script, ...args], { env, encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`discovery child failed: ${r.stderr.slice(0, 2000)}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

export async function discoveryReconcileRow(engine: ScratchEngine, label: string, pgServer?: PgServer): Promise<BenchRow> {
  const db = await scratchDb(engine, pgServer);
  try {
    const env = { ...process.env, DATABASE_URL: db.url, DATA_DIR: db.dir };
    child(["seed"], env);
    const [{ id }] = await db.query<{ id: number }>("SELECT id FROM networks WHERE network = '10.200.0.0' AND cidr = 16");
    const r = child(["reconcile", String(id)], env);
    const { new: created, changed, seen, missing } = r.summary;
    return {
      case: `reconcile a 65,536-address nmap XML (${r.xmlMb.toFixed(1)} MB) against a /16 with 50,000 hosts (${label})`,
      goal: "< 5 s, peak RSS < 500 MB",
      measured: `${(r.ms / 1000).toFixed(2)} s, peak RSS ${r.maxRssMb.toFixed(0)} MB; ${created} new, ${changed} changed, ${seen} seen, ${missing} missing`,
      ok: r.ms < 5000 && r.maxRssMb < 500 && created === 15_536 && changed === 10_000 && seen === 40_000,
    };
  } finally {
    await db.drop();
  }
}

// Benchmarks for plugins/ (import and export at 100,000 hosts). Run alone
// with `npm run bench -- plugins`; bench/run.ts
// imports runPluginsBench(). The import runs in a child process (under tsx,
// so its RSS includes the TypeScript loader) so its peak RSS is its own;
// exports are timed until the last streamed chunk, median of three after a
// warm-up run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { overrideEnv } from "../lib/env";
import { migrateSqlite } from "../lib/db/migrate";
import { disconnectDb } from "../lib/db/client";
import { exporter } from "../plugins/registry";

export interface BenchRow { case: string; goal: string; measured: string; ok: boolean }

const HOSTS = 100_000;
const PER_NETWORK = 250;
const admin = { kind: "user" as const, id: 0, name: "bench", role: "admin" as const };

/** 400 /24 networks in 10.0.0.0/8, each with a domain, gateway and pool. */
function networksCsv(): string {
  const lines = ["network,cidr,name,domain,vlan_id,gateway,dhcp_start,dhcp_end"];
  for (let n = 0; n < HOSTS / PER_NETWORK; n++) {
    const p = `10.${n >> 8}.${n & 255}`;
    lines.push(`${p}.0,24,net${n},n${n}.example,${(n % 4094) + 1},${p}.1,${p}.251,${p}.254`);
  }
  return `${lines.join("\n")}\n`;
}

/** 100,000 hosts: names, MACs, every tenth with aliases, all three statuses. */
function hostsCsv(): string {
  const lines = ["ip_address,hostname,cname,mac_address,description,status"];
  const statuses = ["active", "active", "reserved", "inactive"];
  for (let i = 0; i < HOSTS; i++) {
    const n = Math.floor(i / PER_NETWORK);
    const ip = `10.${n >> 8}.${n & 255}.${(i % PER_NETWORK) + 2}`;
    const mac = `52:54:${[(i >> 24) & 255, (i >> 16) & 255, (i >> 8) & 255, i & 255].map((b) => b.toString(16).padStart(2, "0")).join(":")}`;
    lines.push(`${ip},h${i},${i % 10 === 0 ? `"a${i},b${i}"` : ""},${mac},"bench host ${i}, rack ${i % 40}",${statuses[i % 4]}`);
  }
  return `${lines.join("\n")}\n`;
}

function importInChild(file: string, type: string, env: NodeJS.ProcessEnv): { ms: number; maxRssMb: number; report: Record<string, number> } {
  const child = path.join(import.meta.dirname, "plugins-import-child.ts");
  const r = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", child, file, type], { env, encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`import child failed: ${r.stderr.slice(0, 2000)}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

async function exportOnce(name: "dnsmasq" | "csv", params: Record<string, string>): Promise<{ ms: number; chunks: number; largestKb: number; bytes: number }> {
  const t0 = performance.now();
  const download = await exporter(name).run({ actor: admin, params: new URLSearchParams(params) });
  let chunks = 0;
  let largest = 0;
  let bytes = 0;
  for await (const chunk of download.body) {
    chunks++;
    largest = Math.max(largest, chunk.length);
    bytes += chunk.length;
  }
  return { ms: performance.now() - t0, chunks, largestKb: largest / 1024, bytes };
}

/** Median of three runs after one warm-up (a running server has compiled its queries already). */
async function timeExport(name: "dnsmasq" | "csv", params: Record<string, string>) {
  await exportOnce(name, params);
  const runs = [await exportOnce(name, params), await exportOnce(name, params), await exportOnce(name, params)];
  return runs.sort((a, b) => a.ms - b.ms)[1];
}

export async function runPluginsBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ipam-bench-plugins-"));
  const dbFile = path.join(dir, "ipam.db");
  try {
    migrateSqlite(dbFile);
    const env = { ...process.env, DATABASE_URL: `file:${dbFile}`, DATA_DIR: dir };
    writeFileSync(path.join(dir, "networks.csv"), networksCsv());
    writeFileSync(path.join(dir, "hosts.csv"), hostsCsv());
    importInChild(path.join(dir, "networks.csv"), "networks", env);
    const imported = importInChild(path.join(dir, "hosts.csv"), "hosts", env);

    overrideEnv({ DATABASE_URL: `file:${dbFile}`, DATA_DIR: dir });
    await disconnectDb();
    const dnsmasq = await timeExport("dnsmasq", {});
    const csv = await timeExport("csv", { type: "hosts" });
    await disconnectDb();

    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    return [
      {
        case: `import ${HOSTS.toLocaleString("en")} hosts (CSV, SQLite)`,
        goal: "< 20 s, peak RSS < 500 MB",
        measured: `${s(imported.ms)}, peak RSS ${imported.maxRssMb.toFixed(0)} MB (${imported.report.created} created)`,
        ok: imported.ms < 20_000 && imported.maxRssMb < 500 && imported.report.created === HOSTS,
      },
      {
        case: `dnsmasq combined export, ${HOSTS.toLocaleString("en")} hosts`,
        goal: "< 3 s, streamed",
        measured: `${s(dnsmasq.ms)}, ${(dnsmasq.bytes / 1e6).toFixed(1)} MB in ${dnsmasq.chunks} chunks (largest ${dnsmasq.largestKb.toFixed(0)} KB)`,
        ok: dnsmasq.ms < 3000 && dnsmasq.chunks > 10 && dnsmasq.largestKb < 2048,
      },
      {
        case: `CSV export, ${HOSTS.toLocaleString("en")} hosts`,
        goal: "< 3 s",
        measured: `${s(csv.ms)}, ${(csv.bytes / 1e6).toFixed(1)} MB in ${csv.chunks} chunks`,
        ok: csv.ms < 3000,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

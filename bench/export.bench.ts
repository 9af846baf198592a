// The exports at scale (issue 15.4): `npx tsx --expose-gc --conditions=react-server
// bench/export.bench.ts [--hosts 1200000] [--dnsmasq-only | --config-only]` (default 100,000;
// the 1.2M case is not part of CI). SQLite. The networks come through the app's CSV import;
// the hosts are written straight into the migrated database (the import of
// 1.2M hosts would take the bench minutes; exports read the same rows). Prints
// one table: each export's time and RSS growth, and the dnsmasq export against
// the raw floor (bench/export-floor.ts) producing the same lines.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { disconnectDb } from "../lib/db/client";
import { overrideEnv } from "../lib/env";
import { sortKeyOf } from "../lib/ipam";
import { bindExporter } from "../plugins/export/bind-exporter";
import { csvExporter } from "../plugins/export/csv-exporter";
import { dnsmasqExporter } from "../plugins/export/dnsmasq-exporter";
import { ethersExporter } from "../plugins/export/ethers-exporter";
import { hostsFileExporter } from "../plugins/export/hosts-file-exporter";
import { jsonExporter } from "../plugins/export/json-exporter";
import { keaDhcp4Exporter } from "../plugins/export/kea-exporter";
import { xlsxExporter } from "../plugins/export/xlsx-exporter";
import { scratchDb } from "./change-log/scratch-db";
import { dnsmasqFloor, exportHostLines } from "./export-floor";
import { timeExport, exportOnce } from "./export-measure";
import type { BenchRow } from "./plugins.bench";

/** A bench row with the baseline it was measured against (read by the bench summary). */
export type ExportBenchRow = BenchRow & { baseline?: string; ratio?: number };

const PER_NETWORK = 250;

function networksCsv(networks: number): string {
  const lines = ["network,cidr,name,domain,vlan_id,gateway,dhcp_start,dhcp_end"];
  for (let n = 0; n < networks; n++) {
    const p = `10.${n >> 8}.${n & 255}`;
    lines.push(`${p}.0,24,net${n},n${n}.example,${(n % 4094) + 1},${p}.1,${p}.251,${p}.254`);
  }
  return `${lines.join("\n")}\n`;
}

/** The plugins bench's hosts (names, MACs, every tenth with two aliases, all statuses), inserted in one transaction. */
function insertHosts(file: string, hosts: number): void {
  const db = new Database(file);
  const ids = new Map((db.prepare("SELECT id, network FROM networks").all() as Array<{ id: number; network: string }>).map((r) => [r.network, r.id]));
  const insert = db.prepare(`INSERT INTO hosts (ip_address, ip_key, family, hostname, cname, mac_address, description, status, network_id, created_at, updated_at, allow_duplicate_name)
    VALUES (?, ?, 4, ?, ?, ?, ?, ?, ?, ?, ?, 0)`);
  const statuses = ["active", "active", "reserved", "inactive"];
  const now = new Date().toISOString().replace("Z", "+00:00");
  db.transaction(() => {
    for (let i = 0; i < hosts; i++) {
      const n = Math.floor(i / PER_NETWORK);
      const prefix = `10.${n >> 8}.${n & 255}`;
      const last = (i % PER_NETWORK) + 2;
      const value = (10n << 24n) | (BigInt(n >> 8) << 16n) | (BigInt(n & 255) << 8n) | BigInt(last);
      const mac = `52:54:${[(i >> 24) & 255, (i >> 16) & 255, (i >> 8) & 255, i & 255].map((b) => b.toString(16).padStart(2, "0")).join(":")}`;
      insert.run(`${prefix}.${last}`, sortKeyOf(4, value), `h${i}`, i % 10 === 0 ? `a${i},b${i}` : null, mac, `bench host ${i}, rack ${i % 40}`, statuses[i % 4], ids.get(`${prefix}.0`)!, now, now);
    }
  })();
  db.close();
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** A scratch SQLite database with the bench's networks (imported) and `hosts` hosts, made the app's database. */
export async function seedExportDb(hosts: number): Promise<{ file: string; drop: () => Promise<void> }> {
  const db = await scratchDb("sqlite");
  try {
    await db.dropCaptureTriggers();
    const env = { ...process.env, DATABASE_URL: db.url, DATA_DIR: db.dir };
    const csvFile = path.join(db.dir, "networks.csv");
    writeFileSync(csvFile, networksCsv(Math.ceil(hosts / PER_NETWORK)));
    const child = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", path.join(import.meta.dirname, "plugins-import-child.ts"), csvFile, "networks"], { env, encoding: "utf8" });
    if (child.status !== 0) throw new Error(`network import failed: ${child.stderr.slice(0, 2000)}`);
    const file = path.join(db.dir, "ipam.db");
    insertHosts(file, hosts);
    overrideEnv({ DATABASE_URL: db.url, DATA_DIR: db.dir });
    await disconnectDb();
    return { file, drop: () => db.drop() };
  } catch (error) {
    await db.drop();
    throw error;
  }
}

/** Seeds `hosts` hosts into a scratch SQLite database and measures the exports. */
export async function runExportBench(options: { hosts?: number; dnsmasqOnly?: boolean; configOnly?: boolean } = {}): Promise<ExportBenchRow[]> {
  const hosts = options.hosts ?? 100_000;
  const { file, drop } = await seedExportDb(hosts);
  try {
    const n = hosts.toLocaleString("en");

    // The floor and the export produce the same lines (checked), then both are timed in this run.
    const check = await exportOnce(dnsmasqExporter, {}, true);
    const floorRuns = [dnsmasqFloor(file), dnsmasqFloor(file), dnsmasqFloor(file)];
    const ours = exportHostLines(check.text!).split("\n");
    const theirs = floorRuns[0].text.trimEnd().split("\n");
    const differs = ours.findIndex((line, i) => line !== theirs[i]);
    if (differs >= 0 || ours.length !== theirs.length) {
      throw new Error(`the floor query's lines differ from the dnsmasq export's at line ${differs}: ${JSON.stringify(ours[differs])} vs ${JSON.stringify(theirs[differs])}`);
    }
    const floor = floorRuns.sort((a, b) => a.ms - b.ms)[1];
    const dnsmasq = await timeExport(dnsmasqExporter, {});
    const goalMs = hosts >= 1_000_000 ? 3000 : Infinity;
    const rows: ExportBenchRow[] = [{
      case: `dnsmasq export, ${n} hosts (SQLite), vs ${floor.tool} writing the same host lines`,
      goal: `≤ 2x the floor${hosts >= 1_000_000 ? ", < 3 s" : ""}, RSS growth < 100 MB`,
      measured: `${s(dnsmasq.ms)} vs ${s(floor.ms)} (${(dnsmasq.ms / floor.ms).toFixed(2)}x), RSS +${dnsmasq.rssGrowthMb.toFixed(0)} MB, ${(dnsmasq.bytes / 1e6).toFixed(1)} MB in ${dnsmasq.chunks} chunks`,
      ok: dnsmasq.ms <= 2 * floor.ms && dnsmasq.ms < goalMs && dnsmasq.rssGrowthMb < 100,
      baseline: `${floor.tool}: ${s(floor.ms)}`,
      ratio: dnsmasq.ms / floor.ms,
    }];
    const others = [["/etc/hosts", hostsFileExporter, {}], ["ethers", ethersExporter, {}], ["Kea DHCPv4", keaDhcp4Exporter, {}], ["BIND zones (.tar.gz)", bindExporter, {}], ["CSV", csvExporter, { type: "hosts" }],
      ["JSON", jsonExporter, { type: "hosts" }], ["XLSX", xlsxExporter, { type: "hosts" }], ["CSV sorted by hostname", csvExporter, { type: "hosts", sort: "-hostname" }]] as const;
    // --config-only: the files that read like the dnsmasq one (the 1.2M case: the tables take minutes).
    const chosen = options.dnsmasqOnly ? [] : options.configOnly ? others.filter(([what]) => ["/etc/hosts", "ethers", "Kea DHCPv4", "BIND zones (.tar.gz)"].includes(what)) : others;
    for (const [what, exporter, params] of chosen) {
      const r = await timeExport(exporter, params);
      rows.push({
        case: `${what} export, ${n} hosts (SQLite)`,
        goal: "RSS growth < 100 MB",
        measured: `${s(r.ms)}, RSS +${r.rssGrowthMb.toFixed(0)} MB, ${(r.bytes / 1e6).toFixed(1)} MB in ${r.chunks} chunks`,
        ok: r.rssGrowthMb < 100,
      });
    }
    await disconnectDb();
    return rows;
  } finally {
    await drop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { hosts: { type: "string" }, "dnsmasq-only": { type: "boolean" }, "config-only": { type: "boolean" } } });
  runExportBench({ hosts: values.hosts ? Number(values.hosts) : undefined, dnsmasqOnly: values["dnsmasq-only"], configOnly: values["config-only"] }).then((rows) => {
    console.table(rows);
    process.exit(rows.every((r) => r.ok) ? 0 : 1);
  }, (error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

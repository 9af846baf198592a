// Benchmarks for plugins/ (import and export at 100,000 hosts). Run alone
// with `npm run bench -- plugins [--db sqlite|postgres|both]` (default both);
// bench/run.ts imports runPluginsBench(). The import runs in a child process
// (under tsx, so its RSS includes the TypeScript loader) so its peak RSS is
// its own; exports are timed until the last streamed chunk, median of three
// after a warm-up run. Each engine imports twice, into fresh databases: with
// the change log, and without it (capture triggers dropped in that scratch
// database), the time the change log's goal is compared against.
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import path from "node:path";
import { overrideEnv } from "../lib/env";
import { disconnectDb } from "../lib/db/client";
import { bindExporter } from "../plugins/export/bind-exporter";
import { csvExporter } from "../plugins/export/csv-exporter";
import { dnsmasqExporter } from "../plugins/export/dnsmasq-exporter";
import { hostsFileExporter } from "../plugins/export/hosts-file-exporter";
import { keaDhcp4Exporter } from "../plugins/export/kea-exporter";
import { openPgServer, type PgServer } from "./api/postgres-server";
import { discoveryReconcileRow } from "./discovery-reconcile";
import { dnsmasqFloor, exportHostLines } from "./export-floor";
import { scratchDb, type ScratchDb, type ScratchEngine } from "./change-log/scratch-db";

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

const HOST_COLUMNS = ["ip_address", "hostname", "cname", "mac_address", "description", "status"];

/** 100,000 hosts: names, MACs, every tenth with aliases, all three statuses. */
function hostRows(): string[][] {
  const statuses = ["active", "active", "reserved", "inactive"];
  return Array.from({ length: HOSTS }, (_, i) => {
    const n = Math.floor(i / PER_NETWORK);
    const ip = `10.${n >> 8}.${n & 255}.${(i % PER_NETWORK) + 2}`;
    const mac = `52:54:${[(i >> 24) & 255, (i >> 16) & 255, (i >> 8) & 255, i & 255].map((b) => b.toString(16).padStart(2, "0")).join(":")}`;
    return [ip, `h${i}`, i % 10 === 0 ? `a${i},b${i}` : "", mac, `bench host ${i}, rack ${i % 40}`, statuses[i % 4]];
  });
}

const csvCell = (cell: string) => (cell.includes(",") ? `"${cell}"` : cell);

function hostsCsv(): string {
  return `${[HOST_COLUMNS, ...hostRows()].map((row) => row.map(csvCell).join(",")).join("\n")}\n`;
}

/** The same hosts as hostsCsv, as the first sheet of an .xlsx workbook (written as a stream). */
async function writeHostsXlsx(file: string): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false, useStyles: false });
  const sheet = book.addWorksheet("hosts");
  sheet.addRow(HOST_COLUMNS).commit();
  for (const row of hostRows()) sheet.addRow(row).commit();
  sheet.commit();
  await book.commit();
}

function importInChild(file: string, type: string, env: NodeJS.ProcessEnv): { ms: number; maxRssMb: number; report: Record<string, number> } {
  const child = path.join(import.meta.dirname, "plugins-import-child.ts");
  const r = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", child, file, type], { env, encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`import child failed: ${r.stderr.slice(0, 2000)}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

const timedExporters = { csv: csvExporter, dnsmasq: dnsmasqExporter, "kea-dhcp4": keaDhcp4Exporter, "hosts-file": hostsFileExporter, bind: bindExporter };

async function exportOnce(name: keyof typeof timedExporters, params: Record<string, string>): Promise<{ ms: number; chunks: number; largestKb: number; bytes: number }> {
  const t0 = performance.now();
  const download = await timedExporters[name].run({ actor: admin, params: new URLSearchParams(params) });
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
async function timeExport(name: keyof typeof timedExporters, params: Record<string, string>) {
  await exportOnce(name, params);
  const runs = [await exportOnce(name, params), await exportOnce(name, params), await exportOnce(name, params)];
  return runs.sort((a, b) => a.ms - b.ms)[1];
}

type Imported = ReturnType<typeof importInChild>;

/** Imports the 400 networks, then the 100,000 hosts (timed), into `db`; answers the hosts' run and the records written. */
function importBoth(db: ScratchDb): Imported {
  const env = { ...process.env, DATABASE_URL: db.url, DATA_DIR: db.dir };
  writeFileSync(path.join(db.dir, "networks.csv"), networksCsv());
  writeFileSync(path.join(db.dir, "hosts.csv"), hostsCsv());
  importInChild(path.join(db.dir, "networks.csv"), "networks", env);
  return importInChild(path.join(db.dir, "hosts.csv"), "hosts", env);
}

async function importRecords(db: ScratchDb): Promise<{ hosts: number; networks: number }> {
  const rows = await db.query<{ object_type: string; n: number | string }>(
    "SELECT object_type, COUNT(*) AS n FROM change_log WHERE source = 'import' AND action = 'create' GROUP BY object_type",
  );
  const count = (type: string) => Number(rows.find((r) => r.object_type === type)?.n ?? 0);
  return { hosts: count("host"), networks: count("network") };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ENGINE_LABEL: Record<ScratchEngine, string> = { sqlite: "SQLite", postgresql: "PostgreSQL" };

async function onEngine(engine: ScratchEngine, pgServer?: PgServer): Promise<BenchRow[]> {
  const label = ENGINE_LABEL[engine];
  console.log(`  [${label}] import without the change log, then with it, then the exports`);
  // Without the change log first: the "today" the goal's 1.5x is measured against.
  const bare = await scratchDb(engine, pgServer);
  let without: Imported;
  try {
    await bare.dropCaptureTriggers();
    without = importBoth(bare);
    const stray = await importRecords(bare);
    if (stray.hosts + stray.networks !== 0) throw new Error(`${label}: the import without capture triggers still wrote records`);
  } finally {
    await bare.drop();
  }
  const db = await scratchDb(engine, pgServer);
  try {
    const imported = importBoth(db);
    const records = await importRecords(db);
    overrideEnv({ DATABASE_URL: db.url, DATA_DIR: db.dir });
    await disconnectDb();
    const dnsmasq = await timeExport("dnsmasq", {});
    // Issue 15.4: the raw floor writing the same host lines, in this run (SQLite; bench/export-floor.ts).
    const floor = engine === "sqlite" ? await dnsmasqFloorRow(db.url.replace(/^file:/, ""), label) : null;
    const csv = await timeExport("csv", { type: "hosts" });
    const kea = await timeExport("kea-dhcp4", {});
    const hostsFile = await timeExport("hosts-file", {});
    const bind = await timeExport("bind", {});
    await disconnectDb();

    const xlsx = await importXlsx(engine, pgServer);
    const ratio = imported.ms / without.ms;
    const networks = HOSTS / PER_NETWORK;
    return [
      {
        case: `import ${HOSTS.toLocaleString("en")} hosts (CSV, ${label}), with the change log`,
        goal: "(< 20 s or ≤ 1.5x without), peak RSS < 500 MB, one record per host",
        measured: `${s(imported.ms)} (${ratio.toFixed(2)}x), peak RSS ${imported.maxRssMb.toFixed(0)} MB; ${imported.report.created} created, ${records.hosts} records (networks: ${records.networks})`,
        ok: (imported.ms < 20_000 || ratio <= 1.5) && imported.maxRssMb < 500
          && imported.report.created === HOSTS && records.hosts === HOSTS && records.networks === networks,
      },
      {
        case: `(info) import ${HOSTS.toLocaleString("en")} hosts (CSV, ${label}), without the change log (capture triggers dropped)`,
        goal: "–",
        measured: `${s(without.ms)}, peak RSS ${without.maxRssMb.toFixed(0)} MB (${without.report.created} created)`,
        ok: without.report.created === HOSTS,
      },
      {
        case: `dnsmasq combined export, ${HOSTS.toLocaleString("en")} hosts (${label})`,
        goal: "< 3 s, streamed",
        measured: `${s(dnsmasq.ms)}, ${(dnsmasq.bytes / 1e6).toFixed(1)} MB in ${dnsmasq.chunks} chunks (largest ${dnsmasq.largestKb.toFixed(0)} KB)`,
        ok: dnsmasq.ms < 3000 && dnsmasq.chunks > 10 && dnsmasq.largestKb < 2048,
      },
      ...(floor ? [floor] : []),
      {
        case: `CSV export, ${HOSTS.toLocaleString("en")} hosts (${label})`,
        goal: "< 3 s",
        measured: `${s(csv.ms)}, ${(csv.bytes / 1e6).toFixed(1)} MB in ${csv.chunks} chunks`,
        ok: csv.ms < 3000,
      },
      {
        case: `XLSX import of ${HOSTS.toLocaleString("en")} hosts (${label}), with the change log`,
        goal: "< 30 s, peak RSS < 800 MB",
        measured: `${s(xlsx.ms)}, peak RSS ${xlsx.maxRssMb.toFixed(0)} MB (${xlsx.report.created} created)`,
        ok: xlsx.ms < 30_000 && xlsx.maxRssMb < 800 && xlsx.report.created === HOSTS,
      },
      ...([["Kea DHCPv4 export (whole config)", kea], ["/etc/hosts export", hostsFile], ["BIND zones export (all zones, .tar.gz)", bind]] as const).map(([what, r]) => ({
        case: `${what}, ${HOSTS.toLocaleString("en")} hosts (${label})`,
        goal: "< 3 s, streamed",
        measured: `${s(r.ms)}, ${(r.bytes / 1e6).toFixed(1)} MB in ${r.chunks} chunks (largest ${r.largestKb.toFixed(0)} KB)`,
        ok: r.ms < 3000 && r.chunks > 10 && r.largestKb < 2048,
      })),
    ];
  } finally {
    await db.drop();
  }
}

/** The dnsmasq export (its lines checked equal to the floor's) against the floor, both timed here: median of three each. */
async function dnsmasqFloorRow(file: string, label: string): Promise<BenchRow> {
  const download = await dnsmasqExporter.run({ actor: admin, params: new URLSearchParams() });
  const parts: Array<string | Uint8Array> = [];
  for await (const chunk of download.body) parts.push(chunk);
  const text = parts.map((p) => (typeof p === "string" ? p : Buffer.from(p).toString("utf8"))).join("");
  const floors = [dnsmasqFloor(file), dnsmasqFloor(file), dnsmasqFloor(file)];
  const same = exportHostLines(text) === floors[0].text.trimEnd();
  const floor = floors.sort((a, b) => a.ms - b.ms)[1];
  const ours = await timeExport("dnsmasq", {});
  return {
    case: `dnsmasq export, ${HOSTS.toLocaleString("en")} hosts (${label}), vs ${floor.tool} writing the same host lines`,
    goal: "≤ 2x the floor, same lines",
    measured: `${s(ours.ms)} vs ${s(floor.ms)} (${(ours.ms / floor.ms).toFixed(2)}x)${same ? "" : ", LINES DIFFER"}`,
    ok: same && ours.ms <= 2 * floor.ms,
  };
}

/** The 400 networks from CSV, then the hosts from an .xlsx file, into a fresh database (timed: the hosts). */
async function importXlsx(engine: ScratchEngine, pgServer?: PgServer): Promise<Imported> {
  const db = await scratchDb(engine, pgServer);
  try {
    const env = { ...process.env, DATABASE_URL: db.url, DATA_DIR: db.dir };
    writeFileSync(path.join(db.dir, "networks.csv"), networksCsv());
    await writeHostsXlsx(path.join(db.dir, "hosts.xlsx"));
    importInChild(path.join(db.dir, "networks.csv"), "networks", env);
    return importInChild(path.join(db.dir, "hosts.xlsx"), "hosts", env);
  } finally {
    await db.drop();
  }
}

export async function runPluginsBench(options: { db?: "sqlite" | "postgres" | "both" } = {}): Promise<BenchRow[]> {
  const choice = options.db ?? "both";
  // One engine at a time: the two would otherwise share the machine's cores.
  const rows = choice === "postgres" ? [] : await onEngine("sqlite");
  if (choice !== "postgres") rows.push(await discoveryReconcileRow("sqlite", "SQLite"));
  if (choice !== "sqlite") {
    const server = await openPgServer();
    console.log(`  PostgreSQL: ${server.label}`);
    try {
      rows.push(...(await onEngine("postgresql", server)));
      rows.push(await discoveryReconcileRow("postgresql", "PostgreSQL", server));
    } finally {
      await server.stop();
    }
  }
  return rows;
}

// The raw floor for the dnsmasq export (issue 15.4/15.7): the sqlite3 CLI
// producing the export's host lines (host-record, cname, dhcp-host) for the
// bench's data, in address order, in the same run. The bench asserts the
// lines are the export's own, so the ratio compares equal work. When the
// sqlite3 binary is missing, better-sqlite3's iterate() in a child process
// building the same lines is the floor instead (and the row says so).
import { spawnSync } from "node:child_process";

/** The bench data's published lines: hostname h<i>, the network's domain, aliases "a<i>,b<i>" on some, a MAC on all. */
export const DNSMASQ_LINES_SQL = `
SELECT 'host-record=' || h.hostname || '.' || n.domain || ',' || h.hostname || ',' || h.ip_address
  || CASE WHEN h.cname IS NULL THEN '' ELSE char(10) || 'cname='
       || substr(h.cname, 1, instr(h.cname, ',') - 1) || '.' || n.domain || ',' || substr(h.cname, 1, instr(h.cname, ',') - 1) || ','
       || substr(h.cname, instr(h.cname, ',') + 1) || '.' || n.domain || ',' || substr(h.cname, instr(h.cname, ',') + 1) || ','
       || h.hostname || '.' || n.domain END
  || CASE WHEN h.mac_address IS NULL THEN '' ELSE char(10) || 'dhcp-host=' || h.mac_address || ',' || h.ip_address || ',' || h.hostname END
FROM hosts h JOIN networks n ON n.id = h.network_id
WHERE h.status IN ('active', 'reserved') AND h.hostname IS NOT NULL
ORDER BY h.ip_key`;

const CHILD = `
const Database = require("better-sqlite3");
const db = new Database(process.argv[1], { readonly: true });
const out = [];
let bytes = 0;
for (const row of db.prepare(process.argv[2]).raw(true).iterate()) { out.push(row[0]); if (out.length === 10000) { const t = out.join("\\n") + "\\n"; bytes += t.length; process.stdout.write(t); out.length = 0; } }
if (out.length) process.stdout.write(out.join("\\n") + "\\n");
`;

export const hasSqliteCli = (): boolean => spawnSync("sqlite3", ["-version"], { encoding: "utf8" }).status === 0;

/** Runs the floor once: its time (process start to exit) and its output. */
export function dnsmasqFloor(file: string): { ms: number; text: string; tool: string } {
  const cli = hasSqliteCli();
  const t0 = performance.now();
  const r = cli
    ? spawnSync("sqlite3", ["-readonly", file, DNSMASQ_LINES_SQL], { encoding: "utf8", maxBuffer: 1 << 30 })
    : spawnSync(process.execPath, ["-e", CHILD, file, DNSMASQ_LINES_SQL], { encoding: "utf8", maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`floor query failed: ${r.stderr}`);
  return { ms, text: r.stdout, tool: cli ? "sqlite3 CLI" : "better-sqlite3 iterate() (no sqlite3 CLI)" };
}

/** The export's host directives (comments and the network section left out), to compare with the floor's lines. */
export function exportHostLines(text: string): string {
  const hosts = text.indexOf("\n# Hosts\n");
  if (hosts < 0) throw new Error("no hosts section in the dnsmasq export");
  return text.slice(hosts + "\n# Hosts\n".length).split("\n").filter((l) => l !== "" && !l.startsWith("#")).join("\n");
}

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { NAMED_CONF, ZONE_DIR, namedConf } from "@/plugins/bind/named-conf";
import { renderZone, type ZoneStamp } from "@/plugins/bind/render-zone";
import type { SpooledZones } from "@/plugins/bind/plan-zones";
import type { ZoneSettings } from "@/plugins/bind/types";
import { parseDig, type Answer } from "@/plugins/dnsmasq/testing/daemon";
import { collect } from "@/plugins/dnsmasq/testing/fixture";

// BIND's own checkers and a live named for tests. A missing binary fails
// with the package to install (.ci/run installs bind9 and bind9-utils).

export const NAMED_CHECKZONE = "/usr/bin/named-checkzone";
export const NAMED_CHECKCONF = "/usr/bin/named-checkconf";
export const NAMED = "/usr/sbin/named";
export const DIG = "/usr/bin/dig";

export function requireBinary(file: string, pkg: string): void {
  if (!existsSync(file)) throw new Error(`${file} is missing: install Debian's ${pkg} (.ci/run does)`);
}

export const stamp: ZoneStamp = { serial: 1_796_212_345, changedAt: new Date(1_796_212_345_000), generatedAt: new Date("2026-12-02T12:00:00Z") };

/** Writes the bundle's files (named.conf fragment and zones) under `dir`, as `tar -xzf` would. */
export async function writeZoneFiles(dir: string, zones: SpooledZones, settings: ZoneSettings): Promise<string[]> {
  mkdirSync(path.join(dir, ZONE_DIR), { recursive: true });
  const all = [...zones.forward.values(), ...zones.reverse.values()];
  writeFileSync(path.join(dir, NAMED_CONF), namedConf(all, stamp.generatedAt, zones.outside));
  for (const zone of all) writeFileSync(path.join(dir, ZONE_DIR, zone.file), await collect(renderZone(zone, zones.spool, settings, stamp)));
  return all.map((z) => z.name);
}

/** A zone's lines after its header (records and comments), read back from the spool. */
export async function zoneLines(zones: SpooledZones, name: string): Promise<string[]> {
  const out: string[] = [];
  for await (const lines of zones.spool.lines((zones.forward.get(name) ?? zones.reverse.get(name))!)) out.push(...lines);
  return out;
}

export interface CheckResult { ok: boolean; output: string }

export function checkZone(zone: string, file: string): CheckResult {
  requireBinary(NAMED_CHECKZONE, "bind9-utils");
  const r = spawnSync(NAMED_CHECKZONE, [zone, file], { encoding: "utf8" });
  if (r.error) throw r.error;
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

/** named-checkconf -z (loads every zone too) on the fragment inside a minimal options block. */
export function checkConf(dir: string): CheckResult {
  requireBinary(NAMED_CHECKCONF, "bind9-utils");
  const conf = path.join(dir, "check.conf");
  writeFileSync(conf, `options { directory "${dir}"; };\ninclude "${path.join(dir, NAMED_CONF)}";\n`);
  const r = spawnSync(NAMED_CHECKCONF, ["-z", conf], { encoding: "utf8" });
  if (r.error) throw r.error;
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}

const SCRIPT = `
set -u
"$NAMED" -g -c "$DIR/named.conf" >"$DIR/named.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null' EXIT INT TERM
i=0
until dig @127.0.0.1 -p "$PORT" +time=1 +tries=1 "$PROBE" SOA | grep -q "status: NOERROR"; do
  i=$((i+1)); [ $i -gt 100 ] && { echo "named did not start"; cat "$DIR/named.log"; exit 3; }
  kill -0 $PID 2>/dev/null || { echo "named exited"; cat "$DIR/named.log"; exit 4; }
  sleep 0.1
done
while read -r name type; do
  echo "### $name $type"
  if [ "$type" = PTR-ADDR ]; then dig @127.0.0.1 -p "$PORT" +time=2 +tries=1 +noall +comments +answer -x "$name"
  else dig @127.0.0.1 -p "$PORT" +time=2 +tries=1 +noall +comments +answer "$name" "$type"; fi
done < "$DIR/queries"
exit 0
`;

export interface LiveQuery { name: string; type: "A" | "AAAA" | "CNAME" | "PTR" | "PTR-ADDR" | "SOA" }

/**
 * Runs named on 127.0.0.1:`port` (authoritative only) over the zone files in
 * `dir`, asks every query with dig, stops it (also when the run is killed).
 */
export function askNamed(dir: string, port: number, probeZone: string, queries: LiveQuery[]): Map<string, Answer> {
  requireBinary(NAMED, "bind9");
  requireBinary(DIG, "bind9-dnsutils");
  writeFileSync(path.join(dir, "named.conf"), [
    `options { directory "${dir}"; pid-file none; session-keyfile none; managed-keys-directory "${dir}";`,
    `  listen-on port ${port} { 127.0.0.1; }; listen-on-v6 { none; }; recursion no; dnssec-validation no; };`,
    `include "${path.join(dir, NAMED_CONF)}";`,
  ].join("\n"));
  writeFileSync(path.join(dir, "queries"), queries.map((q) => `${q.name} ${q.type}\n`).join(""));
  writeFileSync(path.join(dir, "run.sh"), SCRIPT);
  const env = { ...process.env, DIR: dir, PORT: String(port), NAMED, PROBE: probeZone };
  const r = spawnSync("sh", [path.join(dir, "run.sh")], { env, encoding: "utf8", timeout: 60_000 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`named run failed (${r.status}): ${r.stdout}${r.stderr}`);
  return parseDig(r.stdout);
}

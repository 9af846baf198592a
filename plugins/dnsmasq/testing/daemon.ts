import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// The real dnsmasq for tests: `--test` syntax checks, and a live server
// answering dig on 127.0.0.1. Configs with DHCP lines need a network
// namespace (dnsmasq binds DHCP sockets), made unprivileged with `unshare -rn`.

export function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ipam-dnsmasq-"));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `dnsmasq --test -C <file>` on `config`: exit code 0 and "syntax check OK". */
export function dnsmasqTest(config: string): { ok: boolean; output: string } {
  return withTempDir((dir) => {
    const file = path.join(dir, "ipam.conf");
    writeFileSync(file, config);
    const r = spawnSync("dnsmasq", ["--test", "-C", file], { encoding: "utf8" });
    if (r.error) throw r.error;
    const output = `${r.stdout}${r.stderr}`.trim();
    return { ok: r.status === 0 && /syntax check OK/.test(output), output };
  });
}

/** Whether unprivileged user+network namespaces work here: by trying one. */
export function namespacesAvailable(): { ok: boolean; reason: string } {
  const r = spawnSync("unshare", ["-rn", "true"], { encoding: "utf8" });
  if (r.error) return { ok: false, reason: `unshare not runnable: ${r.error.message}` };
  return r.status === 0 ? { ok: true, reason: "" } : { ok: false, reason: `unshare -rn true failed: ${r.stderr.trim()}` };
}

export interface Query { name: string; type: "A" | "AAAA" | "PTR" | "CNAME" }
export interface Answer { status: string; records: Array<{ name: string; type: string; data: string }> }

const SCRIPT = `
set -u
[ "$IN_NS" = 1 ] && ip link set lo up
dnsmasq --no-daemon --port="$PORT" --listen-address=127.0.0.1 --bind-interfaces --no-resolv --no-hosts \\
  --pid-file= --domain-needed $EXTRA -C "$CONF" >"$DIR/dnsmasq.log" 2>&1 &
PID=$!
i=0
until dig @127.0.0.1 -p "$PORT" +time=1 +tries=1 localhost >/dev/null 2>&1; do
  i=$((i+1)); [ $i -gt 50 ] && { echo "dnsmasq did not start"; cat "$DIR/dnsmasq.log"; kill $PID; exit 3; }
  kill -0 $PID 2>/dev/null || { echo "dnsmasq exited"; cat "$DIR/dnsmasq.log"; exit 4; }
  sleep 0.1
done
while read -r name type; do
  echo "### $name $type"
  if [ "$type" = PTR ]; then dig @127.0.0.1 -p "$PORT" +time=2 +tries=1 +noall +comments +answer -x "$name"
  else dig @127.0.0.1 -p "$PORT" +time=2 +tries=1 +noall +comments +answer "$name" "$type"; fi
done < "$DIR/queries"
kill $PID
wait $PID 2>/dev/null
exit 0
`;

/**
 * Starts dnsmasq with `config` on 127.0.0.1:`port`, asks every query with dig,
 * stops it. With `dhcp`, everything runs inside `unshare -rn`.
 */
export function askDnsmasq(config: string, queries: Query[], options: { dhcp: boolean; port: number }): Map<string, Answer> {
  return withTempDir((dir) => {
    writeFileSync(path.join(dir, "ipam.conf"), config);
    writeFileSync(path.join(dir, "queries"), queries.map((q) => `${q.name} ${q.type}\n`).join(""));
    writeFileSync(path.join(dir, "run.sh"), SCRIPT);
    const extra = options.dhcp ? `--user=root --dhcp-leasefile=${dir}/leases --dhcp-duid=1234,00:11:22:33` : "";
    const env = { ...process.env, DIR: dir, CONF: path.join(dir, "ipam.conf"), PORT: String(options.port), EXTRA: extra, IN_NS: options.dhcp ? "1" : "0" };
    const command = options.dhcp ? ["unshare", ["-rn", "sh", path.join(dir, "run.sh")]] as const : ["sh", [path.join(dir, "run.sh")]] as const;
    const r = spawnSync(command[0], [...command[1]], { env, encoding: "utf8", timeout: 60_000 });
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`dnsmasq run failed (${r.status}): ${r.stdout}${r.stderr}`);
    return parseDig(r.stdout);
  });
}

export const queryKey = (q: Query) => `${q.name} ${q.type}`;

/** dig output after "### <name> <type>" markers → the answer to each (also read by the BIND tests). */
export function parseDig(output: string): Map<string, Answer> {
  const answers = new Map<string, Answer>();
  let current: Answer | null = null;
  for (const raw of output.split("\n")) {
    const l = raw.trim();
    if (l.startsWith("### ")) {
      current = { status: "NO ANSWER", records: [] };
      answers.set(l.slice(4), current);
    } else if (current && /status: (\w+)/.test(l)) {
      current.status = /status: (\w+)/.exec(l)![1];
    } else if (current && l && !l.startsWith(";")) {
      const [name, , , type, ...data] = l.split(/\s+/);
      current.records.push({ name: name.replace(/\.$/, ""), type, data: data.join(" ").replace(/\.$/, "") });
    }
  }
  return answers;
}

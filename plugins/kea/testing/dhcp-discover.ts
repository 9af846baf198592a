import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { withTempDir } from "@/plugins/dnsmasq/testing/daemon";

// A live DHCPv4 exchange for tests: inside `unshare -rmn` (user, mount and
// network namespaces, no privileges needed) a veth pair joins a DHCP server
// on `v0` to a client on `v1`; nmap's broadcast-dhcp-discover sends a
// DISCOVER with each MAC and prints the server's OFFER. The mount namespace
// lets a test lay files over /etc (dnsmasq reads ethers only from
// /etc/ethers) through an overlay that vanishes with the namespace.

export interface Offer { ip: string | null; fields: Record<string, string> }

const SCRIPT = `
set -u
ip link set lo up
ip link add v0 type veth peer name v1
ip addr add "$SERVER_ADDRESS" dev v0
# nmap needs an address on the client side to read the interface; it sends from 0.0.0.0 anyway.
ip addr add 169.254.7.2/16 dev v1
ip link set v0 up; ip link set v1 up
if [ -d "$DIR/etc" ]; then
  mkdir -p "$DIR/ovl/up" "$DIR/ovl/work"
  cp -r "$DIR/etc/." "$DIR/ovl/up/"
  mount -t overlay overlay -o "lowerdir=/etc,upperdir=$DIR/ovl/up,workdir=$DIR/ovl/work" /etc || { echo "overlay mount failed"; exit 5; }
fi
sh "$DIR/server.sh" >"$DIR/server.log" 2>&1 &
PID=$!
i=0
until grep -q "$READY" "$DIR/server.log" 2>/dev/null; do
  i=$((i+1)); [ $i -gt 100 ] && { echo "server did not start"; cat "$DIR/server.log"; kill $PID; exit 3; }
  kill -0 $PID 2>/dev/null || { echo "server exited"; cat "$DIR/server.log"; exit 4; }
  sleep 0.1
done
for mac in $MACS; do
  echo "### $mac"
  nmap -e v1 --script broadcast-dhcp-discover --script-args "broadcast-dhcp-discover.mac=$mac,broadcast-dhcp-discover.timeout=1s" 2>&1
done
[ -f "$DIR/client.sh" ] && { echo "### client"; sh "$DIR/client.sh" 2>&1; }
kill $PID
wait $PID 2>/dev/null
echo "### log"
cat "$DIR/server.log"
exit 0
`;

/**
 * Runs `server` (a shell script; $DIR is its temp dir, holding `files`) until
 * its log shows `ready`, then asks for an offer for each MAC. `etc` files are
 * laid over /etc inside the namespace.
 */
export function dhcpOffers(options: {
  server: string; ready: string; serverAddress: string; macs: string[];
  files?: Record<string, string>; etc?: Record<string, string>;
  /** Shell run inside the namespace after the offers (dig, say); its output is returned as `client`. */
  client?: string;
}): { offers: Map<string, Offer>; client: string; log: string } {
  return withTempDir((dir) => {
    for (const [name, text] of Object.entries(options.files ?? {})) writeFileSync(path.join(dir, name), text);
    if (options.etc) {
      spawnSync("mkdir", ["-p", path.join(dir, "etc")]);
      for (const [name, text] of Object.entries(options.etc)) writeFileSync(path.join(dir, "etc", name), text);
    }
    writeFileSync(path.join(dir, "server.sh"), options.server);
    writeFileSync(path.join(dir, "run.sh"), SCRIPT);
    if (options.client) writeFileSync(path.join(dir, "client.sh"), options.client);
    const env = { ...process.env, DIR: dir, SERVER_ADDRESS: options.serverAddress, MACS: options.macs.join(" "), READY: options.ready };
    const r = spawnSync("unshare", ["-rmn", "sh", path.join(dir, "run.sh")], { env, encoding: "utf8", timeout: 90_000 });
    if (r.error) throw r.error;
    if (r.status !== 0) throw new Error(`DHCP run failed (${r.status}): ${r.stdout}${r.stderr}`);
    return parse(r.stdout);
  });
}

function parse(output: string): { offers: Map<string, Offer>; client: string; log: string } {
  const offers = new Map<string, Offer>();
  const [rest, log = ""] = output.split("### log\n");
  const [answers, client = ""] = rest.split("### client\n");
  for (const section of answers.split("### ").slice(1)) {
    const [mac, ...lines] = section.split("\n");
    const fields: Record<string, string> = {};
    for (const l of lines) {
      const m = /^\|[_ ]\s+([A-Za-z][A-Za-z ]+): (.*)$/.exec(l);
      if (m) fields[m[1].trim()] = m[2].trim();
    }
    offers.set(mac.trim(), { ip: fields["IP Offered"] ?? null, fields });
  }
  return { offers, client, log };
}

// Child process of bench/discovery-reconcile.ts, so the parent reads this
// step's own peak RSS. "seed": a /16 (10.200.0.0/16) with 50,000 hosts
// through the host services. "reconcile": nmap XML of all 65,536 addresses
// up (as nmap -sn writes it, with MAC and PTR name) read and reconciled
// against it; prints {ms, maxRssMb, summary} as JSON.
import { createHosts } from "../lib/services/hosts/create-hosts";
import { createNetwork } from "../lib/services/networks/create-network";
import { hostSchema } from "../lib/schemas/host";
import { networkSchema } from "../lib/schemas/network";
import { reconcileDiscovery } from "../lib/services/discovery/reconcile-discovery";
import { parseNmapXml } from "../plugins/discovery/parse-nmap-xml";

const admin = { kind: "user" as const, id: 0, name: "bench", role: "admin" as const };
const HOSTS = 50_000;
const ADDRESSES = 65_536;
const ip = (i: number) => `10.200.${i >> 8}.${i & 255}`;
const mac = (i: number) => `52:54:00:c8:${((i >> 8) & 255).toString(16).padStart(2, "0")}:${(i & 255).toString(16).padStart(2, "0")}`;

async function seed(): Promise<void> {
  await createNetwork(admin, networkSchema.parse({ network: "10.200.0.0/16", domain: "bench.example" }));
  // Addresses 1 … 50,000 (the network and broadcast addresses stay free).
  for (let start = 1; start <= HOSTS; start += 10_000) {
    const batch = Array.from({ length: Math.min(10_000, HOSTS - start + 1) }, (_, k) => start + k)
      .map((i) => hostSchema.parse({ ip_address: ip(i), hostname: `h${i}`, mac_address: mac(i) }));
    await createHosts(admin, batch);
  }
  console.log(JSON.stringify({ seeded: HOSTS }));
}

/** Every address up; every fifth known host answers under another name (a changed row). */
function nmapXml(): Uint8Array {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE nmaprun>\n<nmaprun scanner="nmap" args="nmap -sn -oX - 10.200.0.0/16" start="1796213170" version="7.93" xmloutputversion="1.05">\n'];
  for (let i = 0; i < ADDRESSES; i++) {
    const name = i >= 1 && i <= HOSTS && i % 5 === 0 ? `renamed${i}` : `h${i}`;
    parts.push(`<host><status state="up" reason="arp-response" reason_ttl="0"/>\n<address addr="${ip(i)}" addrtype="ipv4"/>\n` +
      `<address addr="${mac(i).toUpperCase()}" addrtype="mac"/>\n<hostnames>\n<hostname name="${name}.bench.example" type="PTR"/>\n</hostnames>\n` +
      '<times srtt="200" rttvar="5000" to="100000"/>\n</host>\n');
  }
  parts.push("<runstats><finished time=\"1796213200\"/></runstats>\n</nmaprun>\n");
  return new TextEncoder().encode(parts.join(""));
}

async function reconcile(): Promise<void> {
  const network = Number(process.argv[3]);
  const bytes = nmapXml();
  const t0 = performance.now();
  const set = await reconcileDiscovery(admin, { source: "nmap", observations: parseNmapXml(bytes), observedAt: new Date(), networkId: network });
  const ms = performance.now() - t0;
  console.log(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, xmlMb: bytes.length / 1e6, summary: set.summary }));
}

(process.argv[2] === "seed" ? seed() : reconcile()).then(() => process.exit(0), (error: unknown) => {
  console.error(error);
  process.exit(1);
});

import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatValue, tryParsePrefix, lastAddress, containsAddress, tryParseAddress } from "@/lib/ipam";
import { hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { planZones } from "@/plugins/bind/plan-zones";
import { checkConf, writeZoneFiles } from "@/plugins/bind/testing/bind-tools";
import { zoneSettings } from "@/plugins/bind/testing/fixture";
import { host, memorySource, net } from "@/plugins/dnsmasq/testing/fixture";
import type { HostRecord, NetworkRecord } from "@/plugins/dnsmasq/types";

// Property: whatever users type into hostnames, aliases and domains, and
// however networks nest (RFC 2317 blocks of any size, IPv6 prefixes off the
// nibble boundary, domains inside each other), the data either fails the
// shared schemas or exports to zones named-checkconf -z loads, every one.

const nasty = fc.string({
  unit: fc.constantFrom("\n", ";", "(", ")", "$", "@", '"', "\\", " ", "\t", "é", "/", "-", ".", "a", "b", "1", "x", "*"),
  maxLength: 10,
});
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,5}[a-z0-9])?$/);
const domainPool = ["lab.example", "sub.lab.example", "other.example", "example", "in-addr.arpa"];
const domain = fc.oneof(nasty, fc.constantFrom(...domainPool), fc.tuple(label, label).map(([a, b]) => `${a}.${b}`));
// Common names make aliases collide with host names, zone apexes and each other.
const name = fc.oneof(nasty, label, fc.constantFrom("www", "web", "ns1", "sub", "lab.example", "sub.lab.example"), fc.tuple(label, fc.constantFrom(...domainPool)).map(([a, b]) => `${a}.${b}`));
const hostInput = fc.record({
  hostname: fc.option(name, { nil: undefined }),
  cname: fc.option(fc.array(name, { maxLength: 3 }).map((xs) => xs.join(",")), { nil: undefined }),
  status: fc.constantFrom("active", "reserved", "inactive"),
  allow_duplicate_name: fc.boolean(),
  network: fc.nat(5),
  offset: fc.nat(40),
});
/** Six networks: a /24 and a block inside it of any size, a lone block, IPv6 at any length and one inside it. */
const layout = fc.record({
  block: fc.integer({ min: 25, max: 31 }),
  lone: fc.integer({ min: 25, max: 32 }),
  v6: fc.integer({ min: 44, max: 72 }),
  v6child: fc.integer({ min: 73, max: 124 }),
  domains: fc.array(domain, { minLength: 6, maxLength: 6 }),
});

function networksOf(l: { block: number; lone: number; v6: number; v6child: number; domains: string[] }): NetworkRecord[] {
  const prefixes = ["10.99.0.0/24", `10.99.0.0/${l.block}`, `10.98.7.0/${l.lone}`, `2001:db8:90::/${l.v6}`, `2001:db8:90::/${l.v6child}`, "10.97.0.0/16"];
  return prefixes.map((text, i) => {
    const parsed = networkSchema.safeParse({ network: text, domain: l.domains[i] });
    const p = tryParsePrefix(text)!;
    return net({ id: i + 1, network: formatValue(p.family, p.network), cidr: p.length, domain: parsed.success ? parsed.data.domain : null });
  });
}

/** The innermost network holding `ip` (what the database derives). */
function innermost(networks: NetworkRecord[], ip: string): number | null {
  const a = tryParseAddress(ip)!;
  let best: NetworkRecord | null = null;
  for (const n of networks) if (containsAddress(tryParsePrefix(`${n.network}/${n.cidr}`)!, a) && (!best || n.cidr > best.cidr)) best = n;
  return best?.id ?? null;
}

describe("fuzz: exported zones stay loadable by BIND", () => {
  it("hostile names and odd network layouts either fail validation or export to zones named-checkconf -z accepts", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ipam-bind-fuzz-"));
    try {
      await fc.assert(
        fc.asyncProperty(layout, fc.array(hostInput, { maxLength: 8 }), async (l, inputs) => {
          const networks = networksOf(l);
          const hosts: HostRecord[] = [];
          const used = new Set<string>();
          inputs.forEach((input, i) => {
            const n = networks[input.network];
            const p = tryParsePrefix(`${n.network}/${n.cidr}`)!;
            const ip = formatValue(p.family, p.network + (BigInt(input.offset) % (lastAddress(p) - p.network + 1n)));
            if (used.has(ip)) return;
            const parsed = hostSchema.safeParse({ ip_address: ip, hostname: input.hostname, cname: input.cname, status: input.status });
            if (!parsed.success) return;
            used.add(ip);
            const v = parsed.data;
            hosts.push(host({ id: i + 1, ipAddress: v.ip_address, hostname: v.hostname, cname: v.cname, status: v.status, networkId: innermost(networks, ip), allowDuplicateName: input.allow_duplicate_name }));
          });
          const zones = await planZones(memorySource(networks, hosts.sort((a, b) => a.ipAddress.localeCompare(b.ipAddress))), { ...zoneSettings, ns: ["ns.example.net"] });
          rmSync(path.join(dir, "ipam"), { recursive: true, force: true });
          try {
            await writeZoneFiles(dir, zones, { ...zoneSettings, ns: ["ns.example.net"] });
          } finally {
            zones.spool.close();
          }
          const check = checkConf(dir);
          expect(check.ok, `${check.output}\n${JSON.stringify({ networks, hosts })}`).toBe(true);
        }),
        { numRuns: 60 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

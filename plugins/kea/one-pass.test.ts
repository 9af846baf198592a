import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collect, fixtureHosts, fixtureNetworks, host, memorySource, net } from "@/plugins/dnsmasq/testing/fixture";
import { legacyHosts, legacyNetworks } from "@/plugins/dnsmasq/testing/legacy";
import type { DnsmasqSource, HostRecord, NetworkRecord } from "@/plugins/dnsmasq/types";
import { renderKea, type KeaOptions } from "@/plugins/kea/render-kea";
import { twoPassKea } from "@/plugins/kea/testing/two-pass-kea";

// Issue 15.4: the Kea files come from ONE read of the hosts, never holding
// them all, and are byte for byte what the renderer that held every planned
// host wrote (the oracle in testing/), on data made to collide: nested
// networks (a parent's hosts before and after its child's), names shared
// across families and domains, round-robin groups, repeated MACs, hosts in
// no network or in a network outside the export, every status, bad rows.

const NOW = new Date("2026-01-02T03:04:05Z");

const networks: NetworkRecord[] = [
  net({ id: 1, network: "10.0.0.0", cidr: 16, domain: "a.example", gateway: "10.0.0.1", dhcpStart: "10.0.0.200", dhcpEnd: "10.0.0.250" }),
  net({ id: 2, network: "10.0.1.0", cidr: 24, domain: "b.example" }),
  net({ id: 3, network: "10.0.2.0", cidr: 24, dhcpStart: "10.0.2.10", dhcpEnd: "10.0.2.20" }),
  net({ id: 4, network: "2001:db8::", cidr: 64, domain: "a.example", dhcpStart: "2001:db8::100", dhcpEnd: "2001:db8::1ff" }),
  net({ id: 5, network: "10.0.3.0", cidr: 24, domain: "bad domain" }),
  net({ id: 6, network: "10.0.1.128", cidr: 25, gateway: "10.0.1.129" }),
];

const label = fc.constantFrom("web", "db", "mail", "ns", "db.b.example", "web.a.example", "x", "123", "Bad_Name", "web.zone");
const aliases = fc.array(fc.constantFrom("www", "db", "web", "sql.a.example", "mail", "web.a.example", "-bad"), { maxLength: 3 }).map((a) => (a.length ? a.join(",") : null));
const mac = fc.option(fc.constantFrom("52:54:00:00:00:01", "52:54:00:00:00:02", "52-54-00-00-00-03", "52:54:00:00:00:04"), { nil: null });

// where: the third octet in 10.0.x.y (0..3), 4 = IPv6, 9 = outside every network; networkId as the model would store it (or a stale one).
const hostArb = fc.record({
  where: fc.constantFrom(0, 1, 2, 3, 4, 9),
  last: fc.integer({ min: 0, max: 255 }),
  stale: fc.boolean(),
  hostname: fc.option(label, { nil: null }),
  cname: aliases,
  macAddress: mac,
  status: fc.constantFrom("active", "active", "reserved", "inactive"),
  allowDuplicateName: fc.boolean(),
});

const networkOf = (where: number, last: number, stale: boolean): number | null => {
  if (stale) return [1, 2, 3, 4, 5, 6, 42][last % 7];
  if (where === 9) return null;
  if (where === 4) return 4;
  if (where === 1) return last >= 128 ? 6 : 2;
  return [1, 2, 3, 5][where];
};

const dataset = fc.tuple(fc.uniqueArray(hostArb, { maxLength: 40, selector: (h) => `${h.where}-${h.last}` }), fc.integer({ min: 1, max: 1000 })).map(([rows, seed]) => {
  const ip = (r: (typeof rows)[number]) => (r.where === 4 ? `2001:db8::${r.last.toString(16)}` : r.where === 9 ? `192.168.9.${r.last}` : `10.0.${r.where}.${r.last}`);
  const order = (r: (typeof rows)[number]) => (r.where === 4 ? 2 : r.where === 9 ? 1 : 0) * 1000 + (r.where % 9) * 256 + r.last;
  const sorted = [...rows].sort((a, b) => order(a) - order(b));
  return sorted.map((r, i): HostRecord => host({
    id: ((i * 7919 + seed) % 5000) + 1 + i * 5000 * (i % 2),
    ipAddress: ip(r), hostname: r.hostname, cname: r.cname, macAddress: r.macAddress, status: r.status,
    networkId: networkOf(r.where, r.last, r.stale), allowDuplicateName: r.allowDuplicateName,
  }));
});

const OPTIONS: KeaOptions[] = [4, 6].flatMap((family) => (["config", "fragment"] as const).map((format) => ({
  family: family as 4 | 6, format, dnsServers: family === 4 ? ["10.0.0.53"] : [], interfaces: format === "config" ? ["eth0"] : [], now: NOW,
})));

function counted(source: DnsmasqSource) {
  const reads = { hosts: 0 };
  return { reads, source: { ...source, hosts: (thenById?: boolean) => (reads.hosts++, source.hosts(thenById)) } as DnsmasqSource };
}

describe("one-pass Kea files", () => {
  it("write the renderer-that-held-every-host's bytes, reading the hosts once", async () => {
    const chosen = [undefined, new Set([1, 3]), new Set([2, 4, 6])];
    await fc.assert(fc.asyncProperty(dataset, fc.integer({ min: 1, max: 7 }), fc.constantFrom(...chosen), async (hosts, batch, networkIds) => {
      for (const options of OPTIONS) {
        const { reads, source } = counted(memorySource(networks, hosts, batch, networkIds));
        const one = await collect(renderKea(source, options));
        expect(reads.hosts).toBe(1);
        expect(one).toBe(await collect(twoPassKea(memorySource(networks, hosts, batch, networkIds), options)));
      }
    }), { numRuns: 60 });
  });

  it("the same on the fixtures and the legacy data (conflicts written before the rules)", async () => {
    for (const [nets, hosts] of [[fixtureNetworks, fixtureHosts], [legacyNetworks, legacyHosts]] as const) {
      for (const options of OPTIONS) {
        expect(await collect(renderKea(memorySource(nets, hosts, 2), options))).toBe(await collect(twoPassKea(memorySource(nets, hosts, 2), options)));
      }
    }
  });
});

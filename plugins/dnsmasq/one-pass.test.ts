import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderDnsmasq } from "@/plugins/dnsmasq/render";
import { collect, fixtureHosts, fixtureNetworks, host, memorySource, net } from "@/plugins/dnsmasq/testing/fixture";
import { legacyHosts, legacyNetworks } from "@/plugins/dnsmasq/testing/legacy";
import { twoPassHostsFile } from "@/plugins/dnsmasq/testing/two-pass-hosts";
import { twoPassDnsmasq } from "@/plugins/dnsmasq/testing/two-pass-render";
import type { DnsmasqMode, DnsmasqSource, HostRecord, NetworkRecord } from "@/plugins/dnsmasq/types";
import { renderHostsFile } from "@/plugins/hosts-file/render-hosts";

// Issue 15.4: the dnsmasq and /etc/hosts files come from ONE read of the
// hosts (plugins/export/host-pass.ts) and are byte for byte what the
// two-pass renderer wrote (the oracle in testing/), on data made to collide:
// few names, shared first labels across domains, round-robin groups,
// aliases that shadow names, repeated MACs, every status, bad rows.

const NOW = new Date("2026-01-02T03:04:05Z");
const MODES: DnsmasqMode[] = ["combined", "dns", "dhcp"];

const networks: NetworkRecord[] = [
  net({ id: 1, network: "10.0.0.0", cidr: 24, domain: "a.example", gateway: "10.0.0.1", dhcpStart: "10.0.0.200", dhcpEnd: "10.0.0.250" }),
  net({ id: 2, network: "10.0.1.0", cidr: 24, domain: "b.example" }),
  net({ id: 3, network: "10.0.2.0", cidr: 24 }),
  net({ id: 4, network: "2001:db8::", cidr: 64, domain: "a.example" }),
  net({ id: 5, network: "10.0.3.0", cidr: 24, domain: "bad domain" }),
];

const label = fc.constantFrom("web", "db", "mail", "ns", "db.b.example", "web.a.example", "x", "123", "Bad_Name", "web.zone");
const aliases = fc.array(fc.constantFrom("www", "db", "web", "sql.a.example", "mail", "web.a.example", "-bad"), { maxLength: 3 }).map((a) => (a.length ? a.join(",") : null));
const mac = fc.option(fc.constantFrom("52:54:00:00:00:01", "52:54:00:00:00:02", "52-54-00-00-00-03", "52:54:00:00:00:04"), { nil: null });

const hostArb = fc.record({
  where: fc.constantFrom(1, 2, 3, 4, 5, 0),
  last: fc.integer({ min: 0, max: 255 }),
  hostname: fc.option(label, { nil: null }),
  cname: aliases,
  macAddress: mac,
  status: fc.constantFrom("active", "active", "reserved", "inactive"),
  allowDuplicateName: fc.boolean(),
});

/** Distinct addresses in address order, ids in a shuffled order (a lower id may come later). */
const dataset = fc.tuple(fc.uniqueArray(hostArb, { maxLength: 40, selector: (h) => `${h.where}-${h.last}` }), fc.integer({ min: 1, max: 1000 })).map(([rows, seed]) => {
  const ip = (r: (typeof rows)[number]) => (r.where === 4 ? `2001:db8::${r.last.toString(16)}` : r.where === 0 ? `192.168.9.${r.last}` : `10.0.${r.where - 1}.${r.last}`);
  const sorted = [...rows].sort((a, b) => (a.where === 4 ? 1 : 0) - (b.where === 4 ? 1 : 0) || (a.where === 0 ? 1 : 0) - (b.where === 0 ? 1 : 0) || a.where - b.where || a.last - b.last);
  return sorted.map((r, i): HostRecord => host({
    id: ((i * 7919 + seed) % 5000) + 1 + i * 5000 * (i % 2),
    ipAddress: ip(r), hostname: r.hostname, cname: r.cname, macAddress: r.macAddress, status: r.status,
    networkId: r.where === 0 ? null : r.where, allowDuplicateName: r.allowDuplicateName,
  }));
});

/** memorySource counting its reads. */
function counted(source: DnsmasqSource) {
  const reads = { hosts: 0 };
  return { reads, source: { ...source, hosts: () => (reads.hosts++, source.hosts()) } as DnsmasqSource };
}

describe("one-pass dnsmasq and hosts files", () => {
  it("write the two-pass renderer's bytes, reading the hosts once", async () => {
    await fc.assert(fc.asyncProperty(dataset, fc.integer({ min: 1, max: 7 }), async (hosts, batch) => {
      for (const mode of MODES) {
        const { reads, source } = counted(memorySource(networks, hosts, batch));
        const oneText = await collect(renderDnsmasq(source, mode, NOW));
        expect(reads.hosts).toBe(1);
        expect(oneText).toBe(await collect(twoPassDnsmasq(memorySource(networks, hosts, batch), mode, NOW)));
      }
      expect(await collect(renderHostsFile(memorySource(networks, hosts, batch), NOW))).toBe(await collect(twoPassHostsFile(memorySource(networks, hosts, batch), NOW)));
    }), { numRuns: 60 });
  });

  it("the same on the fixtures and the legacy data (conflicts written before the rules)", async () => {
    for (const [nets, hosts] of [[fixtureNetworks, fixtureHosts], [legacyNetworks, legacyHosts]] as const) {
      for (const mode of MODES) {
        expect(await collect(renderDnsmasq(memorySource(nets, hosts, 2), mode, NOW))).toBe(await collect(twoPassDnsmasq(memorySource(nets, hosts, 2), mode, NOW)));
      }
      expect(await collect(renderHostsFile(memorySource(nets, hosts, 2), NOW))).toBe(await collect(twoPassHostsFile(memorySource(nets, hosts, 2), NOW)));
    }
  });
});

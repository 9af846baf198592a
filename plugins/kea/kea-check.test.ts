import { describe, expect, it } from "vitest";
import { collect, fixtureHosts, fixtureNetworks, host, memorySource, net } from "@/plugins/dnsmasq/testing/fixture";
import { legacyHosts, legacyNetworks } from "@/plugins/dnsmasq/testing/legacy";
import type { KeaFormat } from "@/plugins/kea/kea-query";
import { renderKea } from "@/plugins/kea/render-kea";
import { keaTest } from "@/plugins/kea/testing/kea-check";

// Every export passes the real `kea-dhcp4 -t` / `kea-dhcp6 -t` (a fragment
// included by a minimal config), and holds what the data calls for: one
// subnet per network with a pool or reservations, id = network id, FQDN
// hostnames, no reservation for hosts the dnsmasq file leaves out.

// A parent with a child network: their hosts interleave in address order, each reservation must land in its own subnet.
const nestedNetworks = [
  net({ id: 20, network: "10.50.0.0", cidr: 16, domain: "campus.example", gateway: "10.50.0.1" }),
  net({ id: 21, network: "10.50.7.0", cidr: 24, domain: "lab7.example", gateway: "10.50.7.1", dhcpStart: "10.50.7.100", dhcpEnd: "10.50.7.200" }),
  net({ id: 22, network: "2001:db8:50::", cidr: 56 }),
];
const nestedHosts = [
  host({ id: 30, ipAddress: "10.50.1.5", hostname: "before", macAddress: "52:54:00:50:00:01", networkId: 20 }),
  host({ id: 31, ipAddress: "10.50.7.5", hostname: "inner", macAddress: "52:54:00:50:00:02", networkId: 21 }),
  host({ id: 32, ipAddress: "10.50.7.150", hostname: "pooled", macAddress: "52:54:00:50:00:03", networkId: 21 }),
  host({ id: 33, ipAddress: "10.50.9.5", hostname: "after.other.example", macAddress: "52:54:00:50:00:04", networkId: 20 }),
  host({ id: 34, ipAddress: "10.50.9.6", hostname: "nomac", networkId: 20 }),
  host({ id: 35, ipAddress: "2001:db8:50::5", hostname: "six", macAddress: "52:54:00:50:00:01", networkId: 22 }),
];

const datasets = { fixture: [fixtureNetworks, fixtureHosts], legacy: [legacyNetworks, legacyHosts], nested: [nestedNetworks, nestedHosts] } as const;

const render = (name: keyof typeof datasets, family: 4 | 6, format: KeaFormat, dnsServers: string[] = []) =>
  collect(renderKea(memorySource([...datasets[name][0]], [...datasets[name][1]], 2), { family, format, dnsServers, interfaces: format === "config" ? ["eth0"] : [], now: new Date("2026-01-02T03:04:05Z") }));

/** The file as data: Kea's comments stripped (values never hold "//": they are checked names and addresses). */
const parse = (text: string) => JSON.parse(text.replace(/^\s*\/\/.*$/gm, ""));
const subnetsOf = (text: string, family: 4 | 6, format: KeaFormat) => (format === "config" ? parse(text)[`Dhcp${family}`][`subnet${family}`] : parse(text));

describe("kea-dhcp4 -t / kea-dhcp6 -t accept every export", () => {
  for (const name of Object.keys(datasets) as Array<keyof typeof datasets>) {
    for (const family of [4, 6] as const) {
      for (const format of ["config", "fragment"] as const) {
        it(`${name}, DHCPv${family}, ${format}`, async () => {
          const text = await render(name, family, format, family === 4 ? ["10.0.0.53", "10.0.0.54"] : ["2001:db8::53"]);
          const check = keaTest(family, text, format);
          expect(check.ok, `${check.output}\n${text}`).toBe(true);
          for (const s of subnetsOf(text, family, format)) expect(s.subnet.includes(":")).toBe(family === 6);
        });
      }
    }
  }
});

describe("what the subnets hold", () => {
  it("one subnet per network with a pool or reservations, id = network id, pools, options, FQDN reservations", async () => {
    const subnets = subnetsOf(await render("fixture", 4, "config", ["10.0.0.53"]), 4, "config");
    expect(subnets).toEqual([
      {
        id: 1, subnet: "10.10.0.0/24", pools: [{ pool: "10.10.0.100 - 10.10.0.199" }],
        "option-data": [{ name: "routers", data: "10.10.0.1" }, { name: "domain-name", data: "lab.example" }, { name: "domain-name-servers", data: "10.0.0.53" }],
        // db (reserved, no MAC) and the unnamed host 4 get none; old is inactive.
        reservations: [{ "hw-address": "52:54:00:00:00:01", "ip-address": "10.10.0.10", hostname: "web.lab.example" }],
      },
      // No pool, one reservation: a subnet still; no domain, so the bare name.
      { id: 2, subnet: "10.20.0.0/24", "option-data": [{ name: "routers", data: "10.20.0.1" }, { name: "domain-name-servers", data: "10.0.0.53" }],
        reservations: [{ "hw-address": "52:54:00:00:00:02", "ip-address": "10.20.0.5", hostname: "printer" }] },
    ]);
  });

  it("DHCPv6: ip-addresses, domain-search, dns-servers; a /48 with a pool is a subnet", async () => {
    const subnets = subnetsOf(await render("fixture", 6, "fragment", ["2001:db8::53"]), 6, "fragment");
    expect(subnets.map((s: { id: number }) => s.id)).toEqual([4, 5, 6]);
    expect(subnets[0].reservations).toEqual([{ "hw-address": "52:54:00:00:00:01", "ip-addresses": ["2001:db8:10::10"], hostname: "db6.v6.example" }]);
    expect(subnets[0]["option-data"]).toEqual([{ name: "domain-search", data: "v6.example" }, { name: "dns-servers", data: "2001:db8::53" }]);
    expect(subnets[2]).toEqual({ id: 6, subnet: "2001:db8:30::/48", pools: [{ pool: "2001:db8:30::100 - 2001:db8:30::1ff" }], "option-data": [{ name: "dns-servers", data: "2001:db8::53" }] });
  });

  it("nested networks: each reservation in its own network's subnet, whatever the address order", async () => {
    const text = await render("nested", 4, "config");
    const subnets = subnetsOf(text, 4, "config");
    expect(subnets.map((s: { id: number; reservations?: Array<{ hostname: string }> }) => [s.id, s.reservations?.map((r) => r.hostname)])).toEqual([
      [20, ["before.campus.example", "after.other.example"]],
      [21, ["inner.lab7.example", "pooled.lab7.example"]],
    ]);
    expect(parse(text).Dhcp4["interfaces-config"]).toEqual({ interfaces: ["eth0"] });
  });

  it("the address-space rules leave out what the dnsmasq file leaves out, each with a note", async () => {
    const text = await render("legacy", 4, "fragment");
    const subnets = subnetsOf(text, 4, "fragment");
    // The pool over child network 2 is left out; network 1 keeps its reservation.
    expect(text).toContain("// network 1: pool left out: its DHCP pool overlaps child network 2\n  {\n    \"id\": 1,");
    expect(subnets[0].pools).toBeUndefined();
    expect(text).toContain("// skipped host 4: inside its network's DHCP pool without a usable MAC address");
    expect(text).toContain("// skipped host 18: its address is the broadcast address of its network");
    // db02 in two domains: two FQDNs, both kept.
    expect(subnets.flatMap((s: { reservations?: Array<{ hostname: string }> }) => s.reservations?.map((r) => r.hostname) ?? [])).toEqual(
      ["gw-side.lab.example", "leased.a.example", "db02.a.example", "db02.b.example"]);
    expect(text).toMatch(/^\/\/ Left out as invalid: 1, as conflicting: 2 /m);
  });

  it("a contested name stays with the lowest host id; the other reservation keeps its address, without a name", async () => {
    const networks = [net({ id: 1, network: "10.9.0.0", cidr: 24, domain: "x.example" })];
    const hosts = [
      host({ id: 9, ipAddress: "10.9.0.5", hostname: "web", macAddress: "52:54:00:09:00:05", networkId: 1 }),
      host({ id: 3, ipAddress: "10.9.0.6", hostname: "web", networkId: 1 }),
      host({ id: 4, ipAddress: "10.9.0.7", hostname: "dup", macAddress: "52:54:00:09:00:05", networkId: 1 }),
    ];
    const text = await collect(renderKea(memorySource(networks, hosts), { family: 4, format: "fragment", dnsServers: [], interfaces: [] }));
    expect(subnetsOf(text, 4, "fragment")[0].reservations).toEqual([{ "hw-address": "52:54:00:09:00:05", "ip-address": "10.9.0.5" }]);
    expect(text).toContain("// host 9: name web.x.example left out: it belongs to host 3");
    expect(text).toContain("// host 4: no dhcp-host: its MAC address is already reserved for host 9");
    expect(keaTest(4, text, "fragment").ok).toBe(true);
  });

  it("edge prefix lengths pass kea -t: /0, /31, /32, /127, /128, a pool of a whole /16", async () => {
    const networks = [net({ id: 1, network: "0.0.0.0", cidr: 0 }), net({ id: 2, network: "10.0.0.4", cidr: 31 }), net({ id: 3, network: "10.0.0.9", cidr: 32 }),
      net({ id: 4, network: "::", cidr: 0 }), net({ id: 5, network: "2001:db8::5", cidr: 128 }), net({ id: 6, network: "2001:db8:1::", cidr: 127 }),
      net({ id: 7, network: "10.9.0.0", cidr: 16, dhcpStart: "10.9.0.1", dhcpEnd: "10.9.255.254" })];
    const hosts = [[2, "10.0.0.4"], [3, "10.0.0.9"], [1, "1.2.3.4"], [5, "2001:db8::5"], [6, "2001:db8:1::1"], [4, "3000::1"]].map(([networkId, ip], i) =>
      host({ id: i + 1, ipAddress: ip as string, hostname: `h${i}`, macAddress: `52:54:00:00:00:0${i}`, networkId: networkId as number }));
    for (const family of [4, 6] as const) {
      const text = await collect(renderKea(memorySource(networks, hosts), { family, format: "config", dnsServers: [], interfaces: [] }));
      const check = keaTest(family, text, "config");
      expect(check.ok, `${check.output}\n${text}`).toBe(true);
      expect(subnetsOf(text, family, "config")).toHaveLength(family === 4 ? 4 : 3);
    }
  });

  it("no subnets: still a valid file", async () => {
    for (const format of ["config", "fragment"] as const) {
      const text = await collect(renderKea(memorySource([], []), { family: 4, format, dnsServers: [], interfaces: [] }));
      expect(subnetsOf(text, 4, format)).toEqual([]);
      expect(keaTest(4, text, format).ok).toBe(true);
    }
  });
});

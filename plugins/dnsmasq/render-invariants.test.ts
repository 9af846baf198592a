import { describe, expect, it } from "vitest";
import { renderDnsmasq } from "@/plugins/dnsmasq/render";
import { dnsmasqTest } from "@/plugins/dnsmasq/testing/daemon";
import { collect, directives, host, memorySource, net } from "@/plugins/dnsmasq/testing/fixture";
import { legacyHosts, legacyNetworks } from "@/plugins/dnsmasq/testing/legacy";
import type { DnsmasqMode } from "@/plugins/dnsmasq/types";

// The address-space model's invariants (docs/address-space.md) as the
// exporter asserts them on data written before the rules existed.

const render = (mode: DnsmasqMode, networks = legacyNetworks, hosts = legacyHosts) =>
  collect(renderDnsmasq(memorySource(networks, hosts, 4), mode, new Date("2026-01-02T03:04:05Z")));

const hostLines = (text: string, ip: string) => directives(text).filter((l) => l.endsWith(`,${ip}`) || l.includes(`,${ip},`));

describe("DHCP pools", () => {
  it("a pool that overlaps a child network gets no dhcp-range; the network keeps a static one for its reservations", async () => {
    const text = await render("combined");
    expect(text).toContain("# network 1: dhcp-range left out: its DHCP pool overlaps child network 2\ndhcp-range=set:v4-10-10-10-0-24,10.10.10.0,static,255.255.255.0");
    expect(text).not.toContain("10.10.10.200");
    // Without reservations there is no range at all.
    const alone = await render("dhcp", legacyNetworks.slice(0, 2), []);
    expect(directives(alone).filter((l) => l.startsWith("dhcp-range"))).toEqual([]);
    expect(alone).toContain("# Left out as conflicting: 1 ");
  });

  it("a pool that only its grandchild's parent overlaps names the direct child", async () => {
    const networks = [
      net({ id: 1, network: "10.0.0.0", cidr: 16, dhcpStart: "10.0.1.10", dhcpEnd: "10.0.1.20" }),
      net({ id: 2, network: "10.0.0.0", cidr: 23 }),
      net({ id: 3, network: "10.0.1.0", cidr: 24 }),
      net({ id: 4, network: "10.0.9.0", cidr: 24 }),
    ];
    const text = await render("dhcp", networks, []);
    expect(text).toContain("# network 1: dhcp-range left out: its DHCP pool overlaps child network 2");
    expect(text.match(/overlaps child network/g)).toHaveLength(1);
  });

  it("a host without a MAC inside its network's pool gets no records in any mode; one with a MAC is a static lease", async () => {
    for (const mode of ["dns", "dhcp", "combined"] as const) {
      const text = await render(mode);
      expect(hostLines(text, "10.20.0.121")).toEqual([]);
      expect(text).toContain("# skipped host 4: inside its network's DHCP pool without a usable MAC address (dnsmasq may lease the address to another client)");
    }
    const combined = directives(await render("combined"));
    expect(combined).toContain("host-record=leased.a.example,leased,10.20.0.120");
    expect(combined).toContain("dhcp-host=52:54:00:20:00:01,10.20.0.120,leased");
  });

  it("a dashed MAC is no reservation: the host inside a pool is left out", async () => {
    const networks = [net({ id: 1, network: "10.5.0.0", cidr: 24, dhcpStart: "10.5.0.100", dhcpEnd: "10.5.0.200" })];
    const text = await render("dns", networks, [host({ id: 1, ipAddress: "10.5.0.150", hostname: "dash", macAddress: "52-54-00-00-00-01", networkId: 1 })]);
    expect(directives(text)).toEqual([]);
    expect(text).not.toContain("52-54");
  });
});

describe("names resolve to one place", () => {
  it("a name claimed by two hosts that are not all round-robin: only the lowest id publishes it, the rest count as conflicting", async () => {
    const text = await render("combined");
    const lines = directives(text);
    expect(lines.filter((l) => l.includes("alloc-1"))).toEqual(["host-record=alloc-1.a.example,alloc-1,10.20.0.6", "cname=alloc-alias.a.example,alloc-alias,alloc-1.a.example"]);
    expect(text).toContain("# host 7: name alloc-1.a.example left out: it belongs to host 6");
    // One allows sharing, the other does not: still a conflict.
    expect(lines.filter((l) => l.includes("half"))).toEqual(["host-record=half.b.example,half,10.30.0.31"]);
    expect(text).toContain("# host 15: name half.b.example left out: it belongs to host 14");
    // An alias of a lower id takes the name; the later host loses its aliases too (they would point at the other host).
    expect(lines.filter((l) => /taken|lost-too/.test(l))).toEqual(["cname=taken.b.example,taken,first.b.example"]);
    expect(text).toContain("# host 17: name taken.b.example left out with its aliases: it belongs to host 16");
    expect(text).toContain("# Left out as conflicting: 5 ");
  });

  it("round-robin names: one host-record per address, counted as multi-address names; an alias answers only its own host", async () => {
    const text = await render("dns");
    const lines = directives(text);
    expect(lines.filter((l) => l.startsWith("host-record=rr"))).toEqual([
      "host-record=rr.b.example,rr,10.30.0.20",
      "host-record=rr-one.b.example,rr-one,10.30.0.20",
      "host-record=rr.b.example,rr,10.30.0.21",
    ]);
    expect(lines.some((l) => l.startsWith("cname=rr-one"))).toBe(false);
    expect(text).toContain("# Multi-address names: 1 (round-robin: one host-record per address)");
    expect(text).not.toMatch(/host 1[23]: name rr/);
  });

  it("a short name shared by two FQDNs is left out: db02 in two domains publishes only db02.a.example and db02.b.example", async () => {
    const text = await render("combined");
    const lines = directives(text);
    expect(lines).toContain("host-record=db02.a.example,10.20.0.8");
    expect(lines).toContain("host-record=db02.b.example,10.30.0.8");
    // A lease would add the short name to DNS: the reservation goes without one.
    expect(lines).toContain("dhcp-host=52:54:00:20:00:08,10.20.0.8");
    expect(lines).toContain("dhcp-host=52:54:00:30:00:08,10.30.0.8");
    expect(lines.some((l) => /(=|,)db02,/.test(l))).toBe(false);
    expect(text).toContain("# host 8: short name db02 left out: not unique in this file, only db02.a.example is published");
    expect(text).toContain("# host 9: short name db02 left out: not unique in this file, only db02.b.example is published");
  });

  it("a bare name without a domain keeps its name; a qualified name whose short form equals it loses the short form", async () => {
    const networks = [net({ id: 1, network: "10.1.0.0", cidr: 24 }), net({ id: 2, network: "10.2.0.0", cidr: 24, domain: "lab.example" })];
    const hosts = [host({ id: 1, ipAddress: "10.1.0.5", hostname: "printer", networkId: 1 }), host({ id: 2, ipAddress: "10.2.0.5", hostname: "printer", networkId: 2 })];
    const lines = directives(await render("dns", networks, hosts));
    expect(lines).toEqual(["domain=lab.example,10.2.0.0/24", "local=/lab.example/", "host-record=printer,10.1.0.5", "host-record=printer.lab.example,10.2.0.5"]);
  });

  it("the same alias in two domains is two cnames", async () => {
    const lines = directives(await render("dns"));
    expect(lines).toContain("cname=portal.a.example,web.a.example");
    expect(lines).toContain("cname=portal.b.example,web.b.example");
  });
});

describe("reserved addresses", () => {
  it("a host on its network's broadcast address is left out as invalid", async () => {
    const text = await render("combined");
    expect(hostLines(text, "10.30.0.255")).toEqual([]);
    expect(text).toContain("# skipped host 18: its address is the broadcast address of its network");
    expect(text).toContain("# Left out as invalid: 1 ");
  });
});

describe("every count in the header matches the file", () => {
  it.each(["dns", "dhcp", "combined"] as const)("%s", async (mode) => {
    const text = await render(mode);
    const lines = directives(text);
    const n = (kind: string) => lines.filter((l) => l.startsWith(`${kind}=`)).length;
    const notes = (re: RegExp) => text.split("\n").filter((l) => re.test(l)).length;
    expect(text).toContain(`# Hosts: ${n("host-record")} host-record, ${n("cname")} cname, ${n("dhcp-host")} dhcp-host`);
    expect(text).toContain(`# Networks: ${n("domain")} domain, ${n("local")} local, ${n("dhcp-range")} dhcp-range, ${n("dhcp-option")} dhcp-option`);
    expect(text).toContain(`# Short names left out as not unique in this file: ${notes(/^# host \d+: short name /)} `);
    expect(text).toContain(`# Left out as conflicting: ${notes(/^# .*(belongs to host|overlaps child network|without a usable MAC|already reserved for host)/)} `);
    expect(dnsmasqTest(text)).toEqual({ ok: true, output: "dnsmasq: syntax check OK." });
  });
});

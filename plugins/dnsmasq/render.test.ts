import { describe, expect, it } from "vitest";
import { renderDnsmasq } from "@/plugins/dnsmasq/render";
import { collect, directives, fixtureHosts, fixtureNetworks, host, memorySource, net } from "@/plugins/dnsmasq/testing/fixture";
import { refusalHosts, refusalNetworks } from "@/plugins/dnsmasq/testing/refusals";
import type { DnsmasqMode } from "@/plugins/dnsmasq/types";

const render = (mode: DnsmasqMode, networks = fixtureNetworks, hosts = fixtureHosts, ids?: Set<number>) =>
  collect(renderDnsmasq(memorySource(networks, hosts, 3, ids), mode, new Date("2026-01-02T03:04:05Z")));

describe("dnsmasq renderer on the fixture", () => {
  it("dns mode: host-records with FQDN and short name, cnames for aliases, domain and local per domain", async () => {
    const lines = directives(await render("dns"));
    expect(lines).toContain("host-record=web.lab.example,web,10.10.0.10");
    expect(lines).toContain("cname=www.lab.example,www,intranet.lab.example,intranet,web.lab.example");
    expect(lines).toContain("cname=sql.lab.example,db.lab.example");
    expect(lines).toContain("host-record=printer,10.20.0.5");
    expect(lines).toContain("host-record=nas.storage.example,nas,10.20.0.6");
    expect(lines).toContain("host-record=db6.v6.example,db6,2001:db8:10::10");
    expect(lines).toContain("domain=lab.example,10.10.0.0/24");
    expect(lines.filter((l) => l === "local=/v6.example/")).toHaveLength(1);
    expect(lines.some((l) => l.startsWith("dhcp-"))).toBe(false);
    expect(lines.join("\n")).not.toMatch(/old|gone6|10\.10\.0\.13/);
  });

  it("dhcp mode: pools, static ranges for networks with reservations only, routers, bracketed IPv6 dhcp-hosts", async () => {
    const lines = directives(await render("dhcp"));
    expect(lines).toEqual([
      "dhcp-range=set:v4-10-10-0-0-24,10.10.0.100,10.10.0.199,255.255.255.0,12h",
      "dhcp-option=tag:v4-10-10-0-0-24,option:router,10.10.0.1",
      "dhcp-range=set:v4-10-20-0-0-24,10.20.0.0,static,255.255.255.0",
      "dhcp-option=tag:v4-10-20-0-0-24,option:router,10.20.0.1",
      "dhcp-range=set:v6-2001-db8-10---64,2001:db8:10::1000,2001:db8:10::1fff,64,12h",
      "dhcp-range=set:v6-2001-db8-20---64,2001:db8:20::,static,64",
      "dhcp-host=52:54:00:00:00:01,10.10.0.10,web",
      "dhcp-host=52:54:00:00:00:02,10.20.0.5,printer",
      "dhcp-host=52:54:00:00:00:04,192.168.99.5,stray",
      "dhcp-host=52:54:00:00:00:01,[2001:db8:10::10],db6",
      "dhcp-host=52:54:00:00:00:03,[2001:db8:20::20],ws6",
    ]);
  });

  it("combined mode: both, and every named host has a host-record", async () => {
    const [dns, dhcp, combined] = await Promise.all([render("dns"), render("dhcp"), render("combined")]);
    expect(new Set(directives(combined))).toEqual(new Set([...directives(dns), ...directives(dhcp)]));
    expect(directives(combined).filter((l) => l.startsWith("host-record="))).toHaveLength(9);
  });

  it("header gives the generation time and the count of every section", async () => {
    const text = await render("combined");
    expect(text).toContain("# Generated: 2026-01-02T03:04:05.000Z");
    const lines = directives(text);
    const n = (kind: string) => lines.filter((l) => l.startsWith(`${kind}=`)).length;
    expect(text).toContain(`# Networks: ${n("domain")} domain, ${n("local")} local, ${n("dhcp-range")} dhcp-range, ${n("dhcp-option")} dhcp-option`);
    expect(text).toContain(`# Hosts: ${n("host-record")} host-record, ${n("cname")} cname, ${n("dhcp-host")} dhcp-host`);
    expect(text).toContain("# Left out as invalid: 1 (each noted below)");
    expect(text).toContain("# Left out as conflicting: 0 (each noted below; a name shared by hosts that are not all round-robin stays with the lowest host id)");
    expect(text).toContain("# Multi-address names: 0 (round-robin: one host-record per address)");
    expect(text).toContain("# Short names left out as not unique in this file: 0 (each noted below; the FQDN is published)");
  });

  it("a network filter keeps the network lines of those networks and whatever hosts the source gives", async () => {
    const hosts = fixtureHosts.filter((h) => h.networkId === 2);
    const lines = directives(await render("combined", fixtureNetworks, hosts, new Set([2])));
    expect(lines).toEqual([
      "dhcp-range=set:v4-10-20-0-0-24,10.20.0.0,static,255.255.255.0",
      "dhcp-option=tag:v4-10-20-0-0-24,option:router,10.20.0.1",
      "host-record=printer,10.20.0.5",
      "dhcp-host=52:54:00:00:00:02,10.20.0.5,printer",
      "host-record=nas.storage.example,nas,10.20.0.6",
    ]);
  });

  it("one alias in two domains is two names: both cnames are published, the shared short name is not", async () => {
    const networks = [net({ id: 1, network: "10.0.1.0", cidr: 24, domain: "a.example" }), net({ id: 2, network: "10.0.2.0", cidr: 24, domain: "b.example" })];
    const hosts = [host({ id: 1, ipAddress: "10.0.1.5", hostname: "h1", cname: "www", networkId: 1 }), host({ id: 2, ipAddress: "10.0.2.5", hostname: "h2", cname: "www", networkId: 2 })];
    const text = await render("dns", networks, hosts);
    expect(directives(text)).toContain("cname=www.a.example,h1.a.example");
    expect(directives(text)).toContain("cname=www.b.example,h2.b.example");
    expect(text).toContain("# host 1: short name www left out: not unique in this file, only www.a.example is published");
    expect(text).toContain("# host 2: short name www left out: not unique in this file, only www.b.example is published");
    expect(text).toContain("# Left out as conflicting: 0 ");
  });
});

describe("dnsmasq renderer refuses what dnsmasq --test would let through", () => {
  it("leaves out each invalid row with a comment that does not quote it", async () => {
    const text = await render("combined", refusalNetworks, refusalHosts);
    const lines = directives(text);
    const comments = text.split("\n").filter((l) => l.startsWith("# ") && /host|network/.test(l));
    expect(text).not.toMatch(/evil|6\.6\.6\.6|52-54|10\.40\.0\.300|010\.40|2001:DB8|12345|UPPER|set:x/);
    expect(comments).toEqual(expect.arrayContaining([
      "# network 1: gateway is not a usable address of the network",
      "# network 1: DHCP pool is not a valid range inside the network",
      "# skipped network 3: its prefix is not valid",
      "# network 2: domain is not a valid DNS name",
      "# host 1: no dhcp-host: MAC address is not in aa:bb:cc:dd:ee:ff form",
      "# skipped host 2: IP address is not valid",
      "# skipped host 3: IP address is not valid",
      "# skipped host 4: IP address is not valid",
      "# skipped host 5: hostname is not a valid DNS name",
      "# skipped host 6: hostname is not a valid DNS name",
      "# host 7: alias self.ok.example left out: it is the host's own name",
      "# host 8: alias self.ok.example left out: the name belongs to host 7",
      "# host 10: no dhcp-host: its MAC address is already reserved for host 9",
      "# skipped host 11: hostname is not a valid DNS name",
      "# skipped host 12: hostname is not a valid DNS name",
      "# host 13: alias 2 left out: not a valid DNS name",
      "# host 14: alias dup.ok.example left out: the name belongs to host 13",
      "# host 16: no dhcp-host: MAC address is not in aa:bb:cc:dd:ee:ff form",
    ]));
    expect(lines).toContain("host-record=dashed.ok.example,dashed,10.40.0.10");
    expect(lines).toContain("cname=fine.ok.example,fine,other.ok.example");
    expect(lines).toContain("dhcp-host=52:54:00:00:00:07,10.40.0.16,twin-a");
    expect(lines).toContain("host-record=in-bad-domain,10.41.0.5");
    // The short name "123" would be read as a lease time: the reservation goes without a name.
    expect(lines).toContain("host-record=123.numeric-first,10.40.0.23");
    expect(lines).toContain("dhcp-host=52:54:00:00:00:11,10.40.0.23");
    expect(lines.filter((l) => l.startsWith("dhcp-range"))).toEqual(["dhcp-range=set:v4-10-40-0-0-24,10.40.0.0,static,255.255.255.0", "dhcp-range=set:v4-10-41-0-0-24,10.41.0.0,static,255.255.255.0"]);
    expect(lines.some((l) => l.startsWith("dhcp-option"))).toBe(false);
    const notes = text.split("\n").filter((l) => /^# (skipped|host \d|network \d)/.test(l));
    const conflicting = notes.filter((l) => /belongs to host|already reserved for host/.test(l)).length;
    expect(conflicting).toBe(3);
    expect(text).toContain(`# Left out as invalid: ${notes.length - conflicting} (each noted below)`);
    expect(text).toContain(`# Left out as conflicting: ${conflicting} (each noted below;`);
  });

  it("never writes a line outside dnsmasq's plain syntax", async () => {
    for (const mode of ["dns", "dhcp", "combined"] as const) {
      for (const l of directives(await render(mode, refusalNetworks, refusalHosts))) expect(l).toMatch(/^[a-z-]+=[a-z0-9.:,/\-[\]]+$/);
    }
  });
});

import { describe, expect, it } from "vitest";
import { renderDnsmasq } from "@/plugins/dnsmasq/render";
import { dnsmasqTest } from "@/plugins/dnsmasq/testing/daemon";
import { collect, fixtureHosts, fixtureNetworks, memorySource } from "@/plugins/dnsmasq/testing/fixture";
import { refusalHosts, refusalNetworks } from "@/plugins/dnsmasq/testing/refusals";

// The real dnsmasq reads every exported file: `dnsmasq --test -C <file>`.

const modes = ["dns", "dhcp", "combined"] as const;

describe("dnsmasq --test accepts every mode", () => {
  it.each(modes)("%s on the fixture (IPv4 + IPv6, pools, gateways, MAC and non-MAC hosts, aliases, every status)", async (mode) => {
    const file = await collect(renderDnsmasq(memorySource(fixtureNetworks, fixtureHosts), mode));
    expect(dnsmasqTest(file)).toEqual({ ok: true, output: "dnsmasq: syntax check OK." });
  });

  it.each(modes)("%s on rows that fail today's validation", async (mode) => {
    const file = await collect(renderDnsmasq(memorySource(refusalNetworks, refusalHosts), mode));
    expect(dnsmasqTest(file)).toEqual({ ok: true, output: "dnsmasq: syntax check OK." });
  });
});

describe("why the exporter re-checks: dnsmasq --test lets these through", () => {
  it.each([
    ["a dashed MAC (read as a hostname)", "dhcp-host=52-54-00-00-00-01,10.0.0.5,web"],
    ["an all-digit hostname (read as a lease time)", "dhcp-host=52:54:00:00:00:01,10.0.0.5,12345"],
    ["the same MAC twice", "dhcp-host=52:54:00:00:00:01,10.0.0.5\ndhcp-host=52:54:00:00:00:01,10.0.0.6"],
    ["a cname shadowing a host-record", "host-record=web,10.0.0.5\ncname=web,other\nhost-record=other,10.0.0.6"],
  ])("%s", (_, config) => {
    expect(dnsmasqTest(`${config}\n`).ok).toBe(true);
  });

  it("but it does refuse a repeated cname, which the exporter therefore never writes", () => {
    expect(dnsmasqTest("host-record=t,10.0.0.1\ncname=a,t\ncname=a,t\n").ok).toBe(false);
  });
});

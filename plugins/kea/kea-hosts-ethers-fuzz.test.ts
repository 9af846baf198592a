import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tryParseAddress } from "@/lib/ipam";
import { hostnameProblem } from "@/lib/schemas/dns";
import { hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { collect, host, memorySource, net } from "@/plugins/dnsmasq/testing/fixture";
import type { HostRecord } from "@/plugins/dnsmasq/types";
import { renderEthers } from "@/plugins/hosts-file/render-ethers";
import { renderHostsFile } from "@/plugins/hosts-file/render-hosts";
import { renderKea } from "@/plugins/kea/render-kea";
import { keaTest } from "@/plugins/kea/testing/kea-check";

// Property, as plugins/dnsmasq/dnsmasq-fuzz.test.ts for dnsmasq: whatever
// users type into hostnames, aliases, descriptions and domains either fails
// the shared zod schemas, or exports to a Kea file `kea-dhcp4 -t` accepts
// with exactly the reservations the data calls for, and to hosts/ethers
// files whose every line parses as the format and carries only checked
// names: no value can inject a line, a comment or a JSON key.

const nasty = fc.string({
  unit: fc.constantFrom("\n", "\r", "#", ",", "=", '"', "'", " ", "\t", "é", "名", "\u2028", "-", ".", "a", "b", "1", "x", "/", "{", "}", "<?", "//", "\\"),
  maxLength: 12,
});
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/);
const name = fc.oneof(nasty, label, fc.constantFrom("www", "web", "db"), fc.tuple(label, label).map(([a, b]) => `${a}.${b}`));
const aliases = fc.array(name, { maxLength: 3 }).map((xs) => xs.join(","));
const domain = fc.oneof(nasty, fc.tuple(label, label).map(([a, b]) => `${a}.${b}`));
const hostInput = fc.record({
  hostname: fc.option(name, { nil: undefined }),
  cname: fc.option(aliases, { nil: undefined }),
  description: fc.option(nasty, { nil: undefined }),
  status: fc.constantFrom("active", "reserved", "inactive"),
  allow_duplicate_name: fc.boolean(),
  withMac: fc.boolean(),
});

const isHostname = (n: string) => hostnameProblem(n) === null;

/** The reservations the data calls for, by an oracle of its own: named, published hosts with a MAC; a name kept by the lowest id unless all claims are round-robin. */
function expectedReservations(d: string | null, hosts: HostRecord[]): Array<{ ip: string; hostname?: string }> {
  const published = hosts.filter((h) => h.hostname && h.status !== "inactive");
  const fqdn = (n: string) => (d && !n.includes(".") ? `${n}.${d}` : n);
  const claims = new Map<string, Array<{ id: number; roundRobin: boolean }>>();
  const claim = (n: string, id: number, roundRobin: boolean) => claims.set(n, [...(claims.get(n) ?? []), { id, roundRobin }]);
  for (const h of published) {
    claim(fqdn(h.hostname!), h.id, h.allowDuplicateName);
    for (const a of new Set((h.cname?.split(",") ?? []).map(fqdn))) if (a !== fqdn(h.hostname!)) claim(a, h.id, false);
  }
  const keeps = (n: string, id: number) => claims.get(n)!.every((c) => c.roundRobin) || Math.min(...claims.get(n)!.map((c) => c.id)) === id;
  return published.filter((h) => h.macAddress).map((h) => (keeps(fqdn(h.hostname!), h.id) ? { ip: h.ipAddress, hostname: fqdn(h.hostname!) } : { ip: h.ipAddress }));
}

const HOSTS_LINE = /^([0-9a-f.:]+)\t([a-z0-9.-]+(?: [a-z0-9.-]+)*)$/;

describe("fuzz: Kea, hosts and ethers exports stay valid and uninjectable", () => {
  it("hostile names either fail validation or export to files Kea and the hosts/ethers formats accept, reservation for reservation", async () => {
    await fc.assert(
      fc.asyncProperty(domain, fc.array(hostInput, { maxLength: 6 }), async (domainText, inputs) => {
        const parsedNet = networkSchema.safeParse({ network: "10.99.0.0/24", domain: domainText, description: domainText, gateway: "10.99.0.1", dhcp_start: "10.99.0.100", dhcp_end: "10.99.0.200" });
        const d = parsedNet.success ? parsedNet.data.domain : null;
        const hosts: HostRecord[] = [];
        inputs.forEach((input, i) => {
          const parsed = hostSchema.safeParse({ ...input, withMac: undefined, ip_address: `10.99.0.${i + 10}`, mac_address: input.withMac ? `52:54:00:00:01:${(i + 16).toString(16)}` : undefined });
          if (!parsed.success) return;
          const v = parsed.data;
          hosts.push(host({ id: 6 - i, ipAddress: v.ip_address, hostname: v.hostname, cname: v.cname, macAddress: v.mac_address, status: v.status, networkId: 1, allowDuplicateName: input.allow_duplicate_name }));
        });
        const source = () => memorySource([net({ id: 1, network: "10.99.0.0", cidr: 24, domain: d, gateway: "10.99.0.1", dhcpStart: "10.99.0.100", dhcpEnd: "10.99.0.200" })], hosts);

        const kea = await collect(renderKea(source(), { family: 4, format: "fragment", dnsServers: [], interfaces: [] }));
        const check = keaTest(4, kea, "fragment");
        expect(check.ok, `${check.output}\n${kea}`).toBe(true);
        const subnets = JSON.parse(kea.replace(/^\s*\/\/.*$/gm, ""));
        const got = (subnets[0]?.reservations ?? []).map((r: { "ip-address": string; hostname?: string }) => (r.hostname ? { ip: r["ip-address"], hostname: r.hostname } : { ip: r["ip-address"] }));
        expect(got).toEqual(expectedReservations(d, hosts));

        const hostsFile = await collect(renderHostsFile(source()));
        for (const line of hostsFile.split("\n").filter((l) => l && !l.startsWith("# "))) {
          const m = HOSTS_LINE.exec(line);
          expect(m, `${line}\n${hostsFile}`).not.toBeNull();
          expect(tryParseAddress(m![1])).not.toBeNull();
          for (const n of m![2].split(" ")) expect(isHostname(n), n).toBe(true);
        }
        // Every named published host has exactly one line unless its name went to another host.
        const lines = hostsFile.split("\n").filter((l) => HOSTS_LINE.test(l));
        expect(lines.length).toBe(expectedReservations(d, hosts.map((h) => ({ ...h, macAddress: "m" }))).filter((r) => r.hostname).length);

        const ethers = await collect(renderEthers(source()));
        const ethersLines = ethers.split("\n").filter((l) => l && !l.startsWith("# "));
        for (const line of ethersLines) expect(line).toMatch(/^[0-9a-f]{2}(?::[0-9a-f]{2}){5} 10\.99\.0\.\d+$/);
        expect(ethersLines.length).toBe(expectedReservations(d, hosts).length);
        // Comments are printable ASCII on one line: nothing typed can reach them.
        for (const text of [kea, hostsFile, ethers]) expect(text).toMatch(/^[\x20-\x7e\t\n]*$/);
      }),
      { numRuns: 60 },
    );
  }, 180_000);
});

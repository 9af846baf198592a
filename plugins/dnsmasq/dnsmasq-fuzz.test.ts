import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hostSchema } from "@/lib/schemas/host";
import { networkSchema } from "@/lib/schemas/network";
import { hostnameProblem } from "@/lib/schemas/dns";
import { renderDnsmasq } from "@/plugins/dnsmasq/render";
import { dnsmasqTest } from "@/plugins/dnsmasq/testing/daemon";
import { collect, directives, host, memorySource, net } from "@/plugins/dnsmasq/testing/fixture";
import type { HostRecord } from "@/plugins/dnsmasq/types";

// Property: whatever users type into hostnames, aliases, descriptions and
// domains either fails the shared zod schemas, or exports to a file that the
// real dnsmasq accepts, with exactly the lines the data calls for.

const nasty = fc.string({
  unit: fc.constantFrom("\n", "\r", "#", ",", "=", '"', "'", " ", "\t", "é", "名", "\u2028", "-", ".", "a", "b", "1", "x", "/"),
  maxLength: 12,
});
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,6}[a-z0-9])?$/);
// A small pool of common names makes aliases collide with host names and each other.
const name = fc.oneof(nasty, label, fc.constantFrom("www", "web", "db"), fc.tuple(label, label).map(([a, b]) => `${a}.${b}`));
const aliases = fc.array(name, { maxLength: 3 }).map((xs) => xs.join(","));
const domain = fc.oneof(nasty, fc.tuple(label, label).map(([a, b]) => `${a}.${b}`));
const hostInput = fc.record({
  hostname: fc.option(name, { nil: undefined }),
  cname: fc.option(aliases, { nil: undefined }),
  description: fc.option(nasty, { nil: undefined }),
  status: fc.constantFrom("active", "reserved", "inactive"),
  allow_duplicate_name: fc.boolean(),
});

const isHostname = (n: string) => hostnameProblem(n) === null;

/**
 * The lines the data calls for, counted independently of the renderer: a
 * name (FQDN) claimed by several hosts stays with the lowest id unless every
 * claim is a round-robin hostname; a host whose hostname is taken gets no
 * host-record and no aliases, but keeps its dhcp-host.
 */
function expectedLines(d: string | null, hosts: HostRecord[]): number {
  const published = hosts.filter((h) => h.hostname && h.status !== "inactive").sort((a, b) => a.id - b.id);
  const fqdn = (n: string) => (d && !n.includes(".") ? `${n}.${d}` : n);
  const aliasesOf = (h: HostRecord) => [...new Set((h.cname?.split(",") ?? []).map(fqdn))].filter((a) => a !== fqdn(h.hostname!));
  const claims = new Map<string, Array<{ id: number; roundRobin: boolean }>>();
  const claim = (name: string, id: number, roundRobin: boolean) => claims.set(name, [...(claims.get(name) ?? []), { id, roundRobin }]);
  for (const h of published) {
    claim(fqdn(h.hostname!), h.id, h.allowDuplicateName);
    for (const a of aliasesOf(h)) claim(a, h.id, false);
  }
  const keeps = (name: string, id: number) => claims.get(name)!.every((c) => c.roundRobin) || claims.get(name)![0].id === id;
  let records = 0;
  for (const h of published) {
    if (!keeps(fqdn(h.hostname!), h.id)) continue;
    records++;
    if (aliasesOf(h).some((a) => keeps(a, h.id))) records++; // one cname (or, for a round-robin name, one host-record) line
  }
  const network = (d ? 2 : 0) + (published.length ? 1 : 0); // domain + local, static dhcp-range
  return network + records + published.length; // + one dhcp-host each
}

describe("fuzz: exported files stay valid dnsmasq configuration", () => {
  it("hostile names either fail validation or export to a file dnsmasq accepts, line for line", async () => {
    await fc.assert(
      fc.asyncProperty(domain, fc.array(hostInput, { maxLength: 6 }), async (domainText, inputs) => {
        const parsedNet = networkSchema.safeParse({ network: "10.99.0.0/24", domain: domainText, description: domainText });
        const d = parsedNet.success ? parsedNet.data.domain : null;
        const hosts: HostRecord[] = [];
        inputs.forEach((input, i) => {
          const parsed = hostSchema.safeParse({ ...input, ip_address: `10.99.0.${i + 10}`, mac_address: `52:54:00:00:01:${(i + 16).toString(16)}` });
          if (!parsed.success) return;
          const v = parsed.data;
          hosts.push(host({ id: i + 1, ipAddress: v.ip_address, hostname: v.hostname, cname: v.cname, macAddress: v.mac_address, status: v.status, networkId: 1, allowDuplicateName: input.allow_duplicate_name }));
        });
        const file = await collect(renderDnsmasq(memorySource([net({ id: 1, network: "10.99.0.0", cidr: 24, domain: d })], hosts), "combined"));
        const check = dnsmasqTest(file);
        expect(check.ok, `${check.output}\n${file}`).toBe(true);
        expect(directives(file)).toHaveLength(expectedLines(d, hosts));
        expect(file.split("\n").every((l) => !/[\r\u2028"'=#]/.test(l.replace(/^#.*$/, "").replace(/^[a-z-]+=/, "")))).toBe(true);
      }),
      { numRuns: 100 },
    );
  }, 120_000);
});

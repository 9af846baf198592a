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
});

const isHostname = (n: string) => hostnameProblem(n) === null;

/** The lines the data calls for, counted independently of the renderer. */
function expectedLines(d: string | null, hosts: HostRecord[]): number {
  const published = hosts.filter((h) => h.hostname && h.status !== "inactive");
  const qualify = (n: string) => (d && !n.includes(".") ? [`${n}.${d}`, n] : [n]);
  const hostNames = new Set(published.flatMap((h) => [...qualify(h.hostname!), qualify(h.hostname!)[0].split(".")[0]].filter(isHostname)));
  const claimed = new Set<string>();
  let cnames = 0;
  for (const h of published) {
    const free = [...new Set((h.cname?.split(",") ?? []).flatMap(qualify))].filter((a) => !hostNames.has(a) && !claimed.has(a));
    free.forEach((a) => claimed.add(a));
    if (free.length) cnames++;
  }
  const network = (d ? 2 : 0) + (published.length ? 1 : 0); // domain + local, static dhcp-range
  return network + published.length * 2 + cnames; // host-record + dhcp-host each
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
          hosts.push(host({ id: i + 1, ipAddress: v.ip_address, hostname: v.hostname, cname: v.cname, macAddress: v.mac_address, status: v.status, networkId: 1 }));
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

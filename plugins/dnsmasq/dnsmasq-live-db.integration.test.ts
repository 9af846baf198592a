import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { fqdnOf, splitAliases } from "@/lib/schemas/dns";
import { hostSchema } from "@/lib/schemas/host";
import { hostListQuery, networkListQuery } from "@/lib/schemas/list";
import { networkSchema } from "@/lib/schemas/network";
import type { HostOut } from "@/lib/schemas/responses";
import { createHost } from "@/lib/services/hosts/create-host";
import { listHosts } from "@/lib/services/hosts/list-hosts";
import { findAddressSpaceViolations } from "@/lib/services/integrity/find-address-space-violations";
import { legacyHost } from "@/lib/services/integrity/testing/legacy-rows";
import { createNetwork } from "@/lib/services/networks/create-network";
import { listNetworks } from "@/lib/services/networks/list-networks";
import { askDnsmasq, dnsmasqTest, namespacesAvailable, queryKey, type Query } from "@/plugins/dnsmasq/testing/daemon";
import { collect } from "@/plugins/dnsmasq/testing/fixture";
import { exporter } from "@/plugins/registry";
import { useTestDatabase } from "@/tests/db";

// The whole path on a database seeded through the services: pools, child
// networks, round-robin names on several hosts, one alias in two domains,
// plus rows written before the rules (straight into the table). A real
// dnsmasq serves the exported file (DHCP lines included, inside `unshare
// -rn`), and every name answers exactly the addresses the host list shows
// for it, minus the rows the start-up check lists (left out of the file).

useTestDatabase();
const admin: Actor = { kind: "user", id: 0, name: "live", role: "admin" };
const namespaces = namespacesAvailable();

const network = (input: Record<string, unknown>) => createNetwork(admin, networkSchema.parse(input));
const named = (input: Record<string, unknown>) => createHost(admin, hostSchema.parse(input));

let config = "";

beforeAll(async () => {
  const a = await network({ network: "10.60.0.0/24", domain: "a.example", gateway: "10.60.0.1", dhcp_start: "10.60.0.200", dhcp_end: "10.60.0.250" });
  const kids = await network({ network: "10.60.0.64/26", domain: "kids.example" });
  const b = await network({ network: "10.61.0.0/24", domain: "b.example", gateway: "10.61.0.1", dhcp_start: "10.61.0.100", dhcp_end: "10.61.0.150" });
  await network({ network: "2001:db8:60::/64", domain: "v6.example", dhcp_start: "2001:db8:60::1000", dhcp_end: "2001:db8:60::1fff" });
  const plain = await network({ network: "10.62.0.0/24" });

  await named({ ip_address: "10.60.0.210", hostname: "lease1", mac_address: "52:54:00:60:00:10" });
  await named({ ip_address: "10.60.0.10", hostname: "web", cname: "portal,intranet", mac_address: "52:54:00:60:00:11" });
  await named({ ip_address: "10.61.0.10", hostname: "web", cname: "portal", mac_address: "52:54:00:61:00:11" });
  // Round-robin: one name on three hosts, one of them in the pool (with its MAC), one in the child network's parent.
  await named({ ip_address: "10.60.0.20", hostname: "www", allow_duplicate_name: true, cname: "www-one" });
  await named({ ip_address: "10.60.0.21", hostname: "www", allow_duplicate_name: true });
  await named({ ip_address: "10.60.0.220", hostname: "www", allow_duplicate_name: true, mac_address: "52:54:00:60:00:20" });
  await named({ ip_address: "10.60.0.70", hostname: "kid", cname: "portal" });
  await named({ ip_address: "10.61.0.120", hostname: "db02", mac_address: "52:54:00:61:00:20" });
  await named({ ip_address: "10.60.0.30", hostname: "db02" });
  await named({ ip_address: "2001:db8:60::10", hostname: "six", cname: "six-alias", mac_address: "52:54:00:60:00:60" });
  await named({ ip_address: "2001:db8:60::11", hostname: "www", allow_duplicate_name: true });
  await named({ ip_address: "10.62.0.5", hostname: "bare" });
  await named({ ip_address: "10.60.0.40", hostname: "retired", status: "inactive" });

  // Written before the rules: a MAC-less host in a pool, a second claim of a name, a host on a broadcast address.
  const db = getDb();
  await legacyHost(db, { ip: "10.61.0.130", networkId: b.id, hostname: "nomac" });
  await legacyHost(db, { ip: "10.60.0.31", networkId: a.id, hostname: "db02" });
  await legacyHost(db, { ip: "10.60.0.127", networkId: kids.id, hostname: "edge" });
  await legacyHost(db, { ip: "10.62.0.255", networkId: plain.id, hostname: "bare" });

  const download = await exporter("dnsmasq").run({ actor: admin, params: new URLSearchParams() });
  config = await collect(download.body as AsyncIterable<string>);
  if (process.env.SHOW_DNSMASQ) console.log(config);
});

/** What the host list shows for each published FQDN: hostname and alias → the addresses of its hosts. */
async function namesFromTheApi(): Promise<Map<string, Set<string>>> {
  const domains = new Map((await listNetworks(admin, networkListQuery.parse({ per_page: "100" }))).items.map((n) => [n.id, n.domain ?? null]));
  const left = new Set((await findAddressSpaceViolations()).map((v) => v.hostId));
  const hosts: HostOut[] = (await listHosts(admin, hostListQuery.parse({ per_page: "100" }))).items;
  const names = new Map<string, Set<string>>();
  const add = (name: string, ip: string) => names.set(name, new Set([...(names.get(name) ?? []), ip]));
  for (const h of hosts) {
    if (!h.hostname || h.status === "inactive" || left.has(h.id)) continue;
    const domain = h.network_id === null ? null : (domains.get(h.network_id) ?? null);
    // "GET /hosts?hostname=" is the host list by name: the same hosts, asked the way a user would.
    const same = (await listHosts(admin, hostListQuery.parse({ hostname: h.hostname }))).items;
    expect(same.map((x) => x.id)).toContain(h.id);
    add(fqdnOf(h.hostname, domain), h.ip_address);
    for (const alias of h.cname ? splitAliases(h.cname) : []) add(fqdnOf(alias, domain), h.ip_address);
  }
  return names;
}

describe("live dnsmasq on an exported database", () => {
  it("dnsmasq --test accepts the file", () => {
    expect(dnsmasqTest(config)).toEqual({ ok: true, output: "dnsmasq: syntax check OK." });
    expect(config).toContain("# Multi-address names: 1 ");
  });

  it("the DHCP lines load, and every name answers exactly the addresses the API shows for it", async () => {
    // .ci/run installs util-linux and iproute2: a machine without user namespaces fails here, it is not skipped.
    expect(namespaces.ok, `unshare -rn is needed: ${namespaces.reason}`).toBe(true);
    const names = await namesFromTheApi();
    expect([...names.keys()].sort()).toEqual([
      "bare", "db02.a.example", "db02.b.example", "intranet.a.example", "kid.kids.example", "lease1.a.example", "portal.a.example",
      "portal.b.example", "portal.kids.example", "six-alias.v6.example", "six.v6.example", "web.a.example", "web.b.example",
      "www-one.a.example", "www.a.example", "www.v6.example",
    ]);
    expect(names.get("www.a.example")).toEqual(new Set(["10.60.0.20", "10.60.0.21", "10.60.0.220"]));
    const shortOnes = { unique: ["lease1", "intranet", "kid", "six", "six-alias", "www-one"], shared: ["web", "portal", "db02", "www", "nomac", "edge", "retired"] };
    const queries: Query[] = [...names.keys(), ...shortOnes.unique, ...shortOnes.shared].flatMap((name) => [{ name, type: "A" as const }, { name, type: "AAAA" as const }]);
    queries.push({ name: "10.60.0.20", type: "PTR" }, { name: "10.60.0.10", type: "PTR" });
    const answers = askDnsmasq(config, queries, { dhcp: true, port: 53 });
    const addresses = (name: string) => new Set(["A", "AAAA"].flatMap((type) => answers.get(queryKey({ name, type: type as Query["type"] }))!.records.filter((r) => r.type === type).map((r) => r.data)));
    for (const [name, ips] of names) expect(addresses(name), name).toEqual(ips);
    // A short name answers like its FQDN when only one FQDN in the file has it; otherwise not at all.
    expect(addresses("lease1")).toEqual(names.get("lease1.a.example"));
    expect(addresses("six-alias")).toEqual(names.get("six.v6.example"));
    for (const name of shortOnes.shared) expect(addresses(name), name).toEqual(new Set());
    // The reverse name is the host's own FQDN, not the alias written as a host-record of a round-robin host.
    expect(answers.get(queryKey({ name: "10.60.0.20", type: "PTR" }))!.records.map((r) => r.data)).toEqual(["www.a.example"]);
    expect(answers.get(queryKey({ name: "10.60.0.10", type: "PTR" }))!.records.map((r) => r.data)).toEqual(["web.a.example"]);
  });

});

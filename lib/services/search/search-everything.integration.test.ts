import { describe, expect, it } from "vitest";
import { hostListQuery, networkListQuery } from "@/lib/schemas/list";
import { listHosts } from "@/lib/services/hosts/list-hosts";
import { listNetworks } from "@/lib/services/networks/list-networks";
import { useTestDatabase } from "@/tests/db";
import type { Actor } from "@/lib/auth/roles";
import { createHost } from "@/lib/services/hosts/create-host";
import { hostSchema } from "@/lib/schemas/host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { networkSchema } from "@/lib/schemas/network";
import { searchEverything } from "@/lib/services/search/search-everything";
import { getFreeAddressTotals } from "@/lib/services/dashboard/get-free-address-totals";
import { listMostUtilizedNetworks } from "@/lib/services/dashboard/list-most-utilized-networks";

useTestDatabase();
const editor: Actor = { kind: "token", id: 1, name: "t", role: "editor" };
const viewer: Actor = { ...editor, role: "viewer" };

describe("global search and dashboard", () => {
  it("jumps to exact matches and lists the rest", async () => {
    const net = await createNetwork(editor, networkSchema.parse({ network: "192.168.50.0/24", name: "lab" }));
    const host = await createHost(editor, hostSchema.parse({ ip_address: "192.168.50.7", hostname: "printer", mac_address: "52:54:00:00:00:07", cname: "print,scan" }));
    await createHost(editor, hostSchema.parse({ ip_address: "192.168.50.8", hostname: "printer-2" }));

    expect((await searchEverything(viewer, "192.168.50.7")).exact).toEqual({ type: "host", id: host.id });
    expect((await searchEverything(viewer, "5254.0000.0007")).exact).toEqual({ type: "host", id: host.id });
    expect((await searchEverything(viewer, "PRINTER")).exact).toEqual({ type: "host", id: host.id });
    expect((await searchEverything(viewer, "scan")).exact).toEqual({ type: "host", id: host.id });
    expect((await searchEverything(viewer, "192.168.50.0/24")).exact).toEqual({ type: "network", id: net.id });
    expect((await searchEverything(viewer, "lab")).exact).toEqual({ type: "network", id: net.id });

    const free = await searchEverything(viewer, "192.168.50.9");
    expect(free.exact).toBeNull();
    expect(free.address).toMatchObject({ state: "available", network: { id: net.id } });

    const partial = await searchEverything(viewer, "printe");
    expect(partial.exact).toBeNull();
    expect(partial.hosts.map((h) => h.hostname).sort()).toEqual(["printer", "printer-2"]);

    const hostBits = await searchEverything(viewer, "192.168.50.9/24");
    expect(hostBits.exact).toEqual({ type: "network", id: net.id });
  });

  it("totals free addresses over top-level networks and ranks utilization", async () => {
    const small = await createNetwork(editor, networkSchema.parse({ network: "10.20.0.0/29" }));
    await createHost(editor, hostSchema.parse({ ip_address: "10.20.0.1" }));
    await createHost(editor, hostSchema.parse({ ip_address: "10.20.0.2" }));
    const totals = await getFreeAddressTotals(viewer);
    // 192.168.50.0/24 (254 − 2 hosts) + 10.20.0.0/29 (6 − 2 hosts)
    expect(totals.ipv4).toBe(String(252 + 4));
    const top = await listMostUtilizedNetworks(viewer, 1);
    expect(top[0].id).toBe(small.id);
  });
});

describe("text search (q=) on either engine", () => {
  // One rule on SQLite and PostgreSQL: contains, ignoring the case of ASCII
  // letters only (SQLite's LIKE), with % _ \ taken literally.
  it("matches mixed-case text in any ASCII case, non-ASCII letters only as written, wildcards literally", async () => {
    const net = await createNetwork(editor, networkSchema.parse({ network: "172.30.0.0/24", name: "DMZ-Servers", location: "Zürich Rack B12" }));
    const a = await createHost(editor, hostSchema.parse({ ip_address: "172.30.0.10", hostname: "core-sw", description: "Core-Switch in Café Zürich" }));
    const b = await createHost(editor, hostSchema.parse({ ip_address: "172.30.0.11", hostname: "edge-sw", description: "100% EDGE_uplink" }));
    const hostIds = async (q: string) => (await listHosts(viewer, hostListQuery.parse({ q }))).items.map((h) => h.id).sort();
    const networkIds = async (q: string) => (await listNetworks(viewer, networkListQuery.parse({ q }))).items.map((n) => n.id);

    expect(await hostIds("core-SWITCH")).toEqual([a.id]);
    expect(await hostIds("CAFÉ ZÜRICH")).toEqual([]);
    expect(await hostIds("CAFé ZüRICH")).toEqual([a.id]);
    expect(await hostIds("-SW")).toEqual([a.id, b.id].sort());
    expect(await hostIds("0% edge_U")).toEqual([b.id]);
    expect(await hostIds("0_ edge")).toEqual([]);
    expect(await networkIds("dmz-SERVERS")).toEqual([net.id]);
    expect(await networkIds("zürich rack b12")).toEqual([net.id]);
    expect(await networkIds("ZÜRICH")).toEqual([]);
    expect((await searchEverything(viewer, "core-switch")).hosts.map((h) => h.id)).toEqual([a.id]);
  });
});

describe("global search by prefix and by full name", () => {
  it("a prefix no network is: what lies inside, what holds it, and the prefix to create", async () => {
    const outer = await createNetwork(editor, networkSchema.parse({ network: "10.70.0.0/16", name: "site" }));
    const a = await createNetwork(editor, networkSchema.parse({ network: "10.70.4.0/24", name: "a" }));
    const b = await createNetwork(editor, networkSchema.parse({ network: "10.70.5.0/24", name: "b" }));
    await createNetwork(editor, networkSchema.parse({ network: "10.70.16.0/24", name: "outside" }));
    const h1 = await createHost(editor, hostSchema.parse({ ip_address: "10.70.4.9" }));
    const h2 = await createHost(editor, hostSchema.parse({ ip_address: "10.70.7.1" }));
    await createHost(editor, hostSchema.parse({ ip_address: "10.70.16.1" }));

    const inside = await searchEverything(viewer, "10.70.0.0/20");
    expect(inside).toMatchObject({ kind: "prefix", exact: null, newNetwork: "10.70.0.0/20", containing: { id: outer.id }, networksTotal: 2, hostsTotal: 2 });
    expect(inside.networks.map((n) => n.id)).toEqual([a.id, b.id]);
    expect(inside.hosts.map((h) => h.id)).toEqual([h1.id, h2.id]);

    const unused = await searchEverything(viewer, "10.70.200.0/24");
    expect(unused).toMatchObject({ newNetwork: "10.70.200.0/24", containing: { id: outer.id }, networks: [], hosts: [], networksTotal: 0, hostsTotal: 0 });
    // Host bits are dropped with a note; outside every network there is no container.
    const loose = await searchEverything(viewer, "10.71.3.4/24");
    expect(loose).toMatchObject({ newNetwork: "10.71.3.0/24", containing: null, note: expect.stringContaining("10.71.3.0/24") });
    // A prefix that holds the whole site lists the site, not itself as its container.
    const wide = await searchEverything(viewer, "10.70.0.0/15");
    expect(wide).toMatchObject({ containing: null, networksTotal: 4 });
    expect((await searchEverything(viewer, "10.70.4.0/24")).exact).toEqual({ type: "network", id: a.id });
    expect((await searchEverything(viewer, "2001:db8:70::/48")).newNetwork).toBe("2001:db8:70::/48");
  });

  it("a full name (hostname or alias plus the network's domain) finds its host", async () => {
    await createNetwork(editor, networkSchema.parse({ network: "10.72.0.0/24", domain: "srv.example.net" }));
    await createNetwork(editor, networkSchema.parse({ network: "10.72.1.0/24", domain: "lab.example.net" }));
    const db02 = await createHost(editor, hostSchema.parse({ ip_address: "10.72.0.2", hostname: "db02", cname: "sql" }));
    const other = await createHost(editor, hostSchema.parse({ ip_address: "10.72.1.2", hostname: "db02" }));

    expect((await searchEverything(viewer, "db02.srv.example.net")).exact).toEqual({ type: "host", id: db02.id });
    expect((await searchEverything(viewer, "DB02.Lab.Example.Net.")).exact).toEqual({ type: "host", id: other.id });
    expect((await searchEverything(viewer, "sql.srv.example.net")).exact).toEqual({ type: "host", id: db02.id });
    const both = await searchEverything(viewer, "db02");
    expect(both).toMatchObject({ kind: "name", exact: null, hostsTotal: 2 });
    expect(both.hosts.map((h) => h.id)).toEqual([db02.id, other.id]);
    expect((await searchEverything(viewer, "db02.nowhere.example")).hosts).toEqual([]);
  });
});

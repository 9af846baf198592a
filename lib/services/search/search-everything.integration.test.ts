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

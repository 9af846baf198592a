import { describe, expect, it } from "vitest";
import { useTestDatabase } from "@/tests/db";
import type { Actor } from "@/lib/auth/roles";
import { createHost } from "@/lib/services/hosts/create-host";
import { hostSchema } from "@/lib/schemas/host";
import { createNetwork } from "@/lib/services/networks/create-network";
import { networkSchema } from "@/lib/schemas/network";
import { getAddressMap } from "@/lib/services/views/get-address-map";
import { getNetworkDepths } from "@/lib/services/views/get-network-depths";
import { getNetworkLabels } from "@/lib/services/views/get-network-labels";
import { listNetworkOptions } from "@/lib/services/views/list-network-options";

useTestDatabase();
const editor: Actor = { kind: "token", id: 1, name: "t", role: "editor" };
const viewer: Actor = { ...editor, role: "viewer" };

describe("UI read models", () => {
  it("maps every address of a small IPv4 network to its state", async () => {
    const net = await createNetwork(editor, networkSchema.parse({ network: "10.9.0.0/26", gateway: "10.9.0.1", dhcp_start: "10.9.0.40", dhcp_end: "10.9.0.49" }));
    const child = await createNetwork(editor, networkSchema.parse({ network: "10.9.0.16/29", name: "child" }));
    await createHost(editor, hostSchema.parse({ ip_address: "10.9.0.5", hostname: "web", status: "reserved" }));
    await createHost(editor, hostSchema.parse({ ip_address: "10.9.0.18", hostname: "inner" }));
    const map = (await getAddressMap(viewer, net.id))!;
    const state = (ip: string) => map.cells.find((c) => c.ip === ip)?.state;
    expect(map.cells).toHaveLength(64);
    expect([state("10.9.0.0"), state("10.9.0.63"), state("10.9.0.1")]).toEqual(["network_address", "broadcast_address", "gateway"]);
    expect(state("10.9.0.5")).toBe("reserved");
    expect(map.cells.find((c) => c.ip === "10.9.0.5")?.host?.hostname).toBe("web");
    // A child's address is the child's to allocate: its host shows in the cell, the state is the child's.
    expect(state("10.9.0.18")).toBe("child_network");
    expect(map.cells.find((c) => c.ip === "10.9.0.18")?.host?.hostname).toBe("inner");
    expect(state("10.9.0.20")).toBe("child_network");
    expect(map.cells.find((c) => c.ip === "10.9.0.20")?.subnet?.id).toBe(child.id);
    expect(state("10.9.0.45")).toBe("dhcp_pool");
    expect(state("10.9.0.50")).toBe("free");
    expect(map.counts.dhcp_pool).toBe(10);
  });

  it("shows no map for IPv6 or above 1,024 addresses", async () => {
    const v6 = await createNetwork(editor, networkSchema.parse({ network: "2001:db8:9::/120" }));
    const big = await createNetwork(editor, networkSchema.parse({ network: "10.10.0.0/21" }));
    const edge = await createNetwork(editor, networkSchema.parse({ network: "10.11.0.0/22" }));
    expect(await getAddressMap(viewer, v6.id)).toBeNull();
    expect(await getAddressMap(viewer, big.id)).toBeNull();
    expect((await getAddressMap(viewer, edge.id))?.cells).toHaveLength(1024);
  });

  it("gives each network its nesting depth and pickers their labels", async () => {
    const top = await createNetwork(editor, networkSchema.parse({ network: "172.16.0.0/12", name: "top" }));
    const mid = await createNetwork(editor, networkSchema.parse({ network: "172.16.0.0/16" }));
    const leaf = await createNetwork(editor, networkSchema.parse({ network: "172.16.5.0/24" }));
    expect(await getNetworkDepths(viewer, [leaf.id, top.id, mid.id])).toEqual({ [top.id]: 0, [mid.id]: 1, [leaf.id]: 2 });
    expect(await getNetworkLabels(viewer, [top.id, null, top.id])).toEqual({ [top.id]: { id: top.id, prefix: "172.16.0.0/12", name: "top" } });
    const options = await listNetworkOptions(viewer);
    expect(options.map((o) => o.prefix).indexOf("172.16.0.0/12")).toBeLessThan(options.map((o) => o.prefix).indexOf("172.16.5.0/24"));
  });
});

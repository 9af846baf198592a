import { describe, expect, it } from "vitest";
import { decodeAddressMap, encodeAddressMap, mapPrefix, offsetOfIp } from "@/components/networks/address-map-data";
import type { AddressMap, AddressMapCell } from "@/lib/services/views/get-address-map";

// 10.9.0.0/28: network address, gateway, a host, a child /30 (one host in it), pool, free, broadcast.
function sample(): AddressMap {
  const cells: AddressMapCell[] = Array.from({ length: 16 }, (_, i) => ({ ip: `10.9.0.${i}`, state: "free" as const }));
  cells[0].state = "network_address";
  cells[1].state = "gateway";
  cells[2] = { ...cells[2], state: "reserved", host: { id: 7, hostname: "web", status: "reserved", mac_address: "02:00:00:00:00:02", description: "x" } };
  for (const i of [4, 5, 6, 7]) cells[i] = { ...cells[i], state: "child_network", subnet: { id: 9, prefix: "10.9.0.4/30", name: "lab" } };
  cells[5].host = { id: 8, hostname: null, status: "inactive", mac_address: null, description: null };
  for (const i of [10, 11, 12]) cells[i].state = "dhcp_pool";
  cells[15].state = "broadcast_address";
  const counts = Object.fromEntries(["network_address", "broadcast_address", "gateway", "child_network", "active", "reserved", "inactive", "dhcp_pool", "free", "blocked"].map((s) => [s, cells.filter((c) => c.state === s).length]));
  return { cells, counts: counts as AddressMap["counts"] };
}

describe("address map data", () => {
  it("encodes one character per cell and a child network as one range", () => {
    const data = encodeAddressMap(sample());
    expect(data.states).toHaveLength(16);
    expect(data.first).toBe(10 * 2 ** 24 + 9 * 2 ** 16);
    expect(data.subnets).toEqual([[4, 7, 9, "10.9.0.4/30", "lab"]]);
    // A host's status only where the state is not already it (a host inside a child network).
    expect(data.hosts).toEqual([[2, 7, "web", "02:00:00:00:00:02"], [5, 8, null, null, "inactive"]]);
    expect(mapPrefix(data)).toBe("10.9.0.0/28");
    expect(offsetOfIp(data, "10.9.0.12")).toBe(12);
  });

  it("decodes every cell's address, state, label and target as the map shows them", () => {
    const map = sample();
    const editor = decodeAddressMap(encodeAddressMap(map), { networkId: 3, status: "active", canWrite: true });
    expect(editor.map((c) => [c.ip, c.state])).toEqual(map.cells.map((c) => [c.ip, c.state]));
    expect(editor[2]).toMatchObject({ label: "10.9.0.2 · Reserved · web", details: "10.9.0.2 · Reserved · web · reserved · 02:00:00:00:00:02", href: "/hosts/7" });
    expect(editor[5]).toMatchObject({ label: "10.9.0.5 · Child networks · (no hostname)", details: "10.9.0.5 · Child networks · (no hostname) · inactive · in 10.9.0.4/30 (lab)", href: "/hosts/8" });
    expect(editor[6]).toMatchObject({ label: "10.9.0.6 · Child networks", details: "10.9.0.6 · Child networks · in 10.9.0.4/30 (lab)", href: "/networks/9" });
    expect(editor[8]).toMatchObject({ label: "10.9.0.8 · Free", details: "10.9.0.8 · Free", href: "/hosts/new?ip=10.9.0.8&network_id=3" });
    expect(editor[11].href).toBeNull();
    const viewer = decodeAddressMap(encodeAddressMap(map), { networkId: 3, status: "active", canWrite: false });
    expect(viewer[8].href).toBeNull();
    expect(viewer[2].href).toBe("/hosts/7");
  });

  it("handles the top of the IPv4 space", () => {
    const cells: AddressMapCell[] = [{ ip: "255.255.255.254", state: "free" }, { ip: "255.255.255.255", state: "free" }];
    const data = encodeAddressMap({ cells, counts: {} as AddressMap["counts"] });
    expect(mapPrefix(data)).toBe("255.255.255.254/31");
    expect(decodeAddressMap(data, { networkId: 1, status: "active", canWrite: false }).map((c) => c.ip)).toEqual(["255.255.255.254", "255.255.255.255"]);
  });
});

import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { formatValue, fromSortKey, parseAddress } from "@/lib/ipam";
import type { HostStatus } from "@/lib/schemas/fields";
import { authorize } from "@/lib/services/authorize";

/** Networks up to this many addresses (IPv4 /22 and smaller) get a per-address map. */
export const ADDRESS_MAP_MAX = 1024;

export type CellState = "free" | "active" | "reserved" | "inactive" | "gateway" | "dhcp" | "network" | "broadcast" | "subnet";

export interface AddressMapCell {
  ip: string;
  state: CellState;
  host?: { id: number; hostname: string | null; status: HostStatus; mac_address: string | null; description: string | null };
  subnet?: { id: number; prefix: string; name: string | null };
}

export interface AddressMap {
  cells: AddressMapCell[];
  counts: Record<CellState, number>;
}

/**
 * One cell per address of a small IPv4 network, phpIPAM style. Larger and
 * IPv6 networks return null: the page shows free ranges instead and never
 * loops over addresses. Two indexed reads (hosts by key range, direct child
 * networks); the states match the service layer's meaning of "free".
 */
export async function getAddressMap(actor: Actor, networkId: number): Promise<AddressMap | null> {
  authorize(actor, "viewer");
  const db = getDb();
  const network = await db.network.findUnique({ where: { id: networkId } });
  if (!network) throw new AppError("not_found", `Network ${networkId} not found`);
  if (network.family !== 4 || 2 ** (32 - network.cidr) > ADDRESS_MAP_MAX) return null;

  const [hosts, children] = await Promise.all([
    db.host.findMany({
      where: { ipKey: { gte: network.startKey, lte: network.endKey } },
      select: { id: true, ipAddress: true, hostname: true, status: true, macAddress: true, description: true },
    }),
    db.network.findMany({ where: { parentId: networkId }, select: { id: true, network: true, cidr: true, name: true, startKey: true, endKey: true } }),
  ]);
  const hostByIp = new Map(hosts.map((h) => [h.ipAddress, h]));
  const subnets = children.map((c) => ({
    first: fromSortKey(c.startKey).value,
    last: fromSortKey(c.endKey).value,
    info: { id: c.id, prefix: `${c.network}/${c.cidr}`, name: c.name },
  }));
  const first = fromSortKey(network.startKey).value;
  const last = fromSortKey(network.endKey).value;
  const gateway = network.gateway ? parseAddress(network.gateway).value : null;
  const pool = network.dhcpStart && network.dhcpEnd
    ? { first: parseAddress(network.dhcpStart).value, last: parseAddress(network.dhcpEnd).value }
    : null;
  const hasBoundaries = network.cidr <= 30;

  const counts: Record<CellState, number> = { free: 0, active: 0, reserved: 0, inactive: 0, gateway: 0, dhcp: 0, network: 0, broadcast: 0, subnet: 0 };
  const cells: AddressMapCell[] = [];
  for (let value = first; value <= last; value++) {
    const ip = formatValue(4, value);
    const row = hostByIp.get(ip);
    const host = row && { id: row.id, hostname: row.hostname, status: row.status as HostStatus, mac_address: row.macAddress, description: row.description };
    const subnet = subnets.find((s) => value >= s.first && value <= s.last)?.info;
    let state: CellState;
    if (hasBoundaries && value === first) state = "network";
    else if (hasBoundaries && value === last) state = "broadcast";
    else if (value === gateway) state = "gateway";
    else if (host) state = host.status;
    else if (subnet) state = "subnet";
    else if (pool && value >= pool.first && value <= pool.last) state = "dhcp";
    else state = "free";
    counts[state]++;
    cells.push({ ip, state, ...(host ? { host } : {}), ...(subnet ? { subnet } : {}) });
  }
  return { cells, counts };
}

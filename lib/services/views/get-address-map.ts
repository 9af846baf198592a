import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { addressCount, addressStateNames, formatValue, lastAddress, sortKeyOf, stateOfAddress, type AddressState } from "@/lib/ipam";
import type { HostStatus } from "@/lib/schemas/fields";
import { authorize } from "@/lib/services/authorize";
import { hostStateOf, loadAddressStates } from "@/lib/services/networks/load-address-states";
import { loadNetwork } from "@/lib/services/networks/network-rules";
import { networkPrefix } from "@/lib/services/serializers/network-prefix";

/** Networks up to this many addresses (IPv4 /22 and smaller) get a per-address map. */
export const ADDRESS_MAP_MAX = 1024;

/** A cell's state is the address's state in lib/ipam/states.ts. */
export type CellState = AddressState;

export interface AddressMapCell {
  ip: string;
  state: CellState;
  host?: { id: number; hostname: string | null; status: HostStatus; mac_address: string | null; description: string | null };
  subnet?: { id: number; prefix: string; name: string | null };
}

export interface AddressMap {
  cells: AddressMapCell[];
  /** Cells per state: equal to the network's `states` counts, since both come from the same model and inputs. */
  counts: Record<CellState, number>;
}

/**
 * One cell per address of a small IPv4 network, phpIPAM style. Larger and
 * IPv6 networks return null: the page shows free ranges instead and never
 * loops over addresses. Each cell's state is lib/ipam stateOfAddress over the
 * inputs loadAddressStates gives the network representation, so the legend
 * and the Utilization card count the same things.
 */
export async function getAddressMap(actor: Actor, networkId: number): Promise<AddressMap | null> {
  authorize(actor, "viewer");
  const db = getDb();
  const network = await loadNetwork(db, networkId);
  const prefix = networkPrefix(network);
  if (prefix.family !== 4 || addressCount(prefix) > BigInt(ADDRESS_MAP_MAX)) return null;
  const [input] = await loadAddressStates([network]);

  const [hosts, children] = await Promise.all([
    db.host.findMany({
      where: { ipKey: { gte: network.startKey, lte: network.endKey } },
      select: { id: true, ipKey: true, hostname: true, status: true, macAddress: true, description: true },
    }),
    db.network.findMany({ where: { id: { in: input.children.map((c) => c.id) } }, select: { id: true, network: true, cidr: true, name: true } }),
  ]);
  const hostByKey = new Map(hosts.map((h) => [h.ipKey, h]));
  const childInfo = new Map(children.map((c) => [c.id, { id: c.id, prefix: `${c.network}/${c.cidr}`, name: c.name }]));

  const counts = Object.fromEntries(addressStateNames.map((s) => [s, 0])) as Record<CellState, number>;
  const cells: AddressMapCell[] = [];
  const last = lastAddress(prefix);
  for (let value = prefix.network; value <= last; value++) {
    const ip = formatValue(4, value);
    const row = hostByKey.get(sortKeyOf(4, value));
    const host = row && { id: row.id, hostname: row.hostname, status: row.status as HostStatus, mac_address: row.macAddress, description: row.description };
    const child = input.children.find((c) => c.first <= value && value <= c.last);
    const subnet = child && childInfo.get(child.id);
    const state = stateOfAddress(input, value, row ? hostStateOf(row.status) : null);
    counts[state]++;
    cells.push({ ip, state, ...(host ? { host } : {}), ...(subnet ? { subnet } : {}) });
  }
  return { cells, counts };
}

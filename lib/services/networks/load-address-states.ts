import "server-only";
import type { Tx } from "@/lib/db/client";
import { loadStateRows, type StateRows } from "@/lib/db/raw";
import { fromSortKey, parseAddress, pointStates, sortKeyOf, type HostState, type Range, type StateInput } from "@/lib/ipam";
import type { Network } from "@/lib/generated/prisma/client";
import { isAllocatable } from "@/lib/services/networks/network-status";
import { networkPrefix } from "@/lib/services/serializers/network-prefix";
import { networkPool } from "@/lib/services/serializers/network-prefix";

// The one place that reads what lib/ipam's address-state model needs
// (countStates, stateOfAddress). Every consumer (the network representation,
// the address map, GET /ip/{address}, search, the dashboard) starts here,
// so they cannot disagree about what an address is.

/** A direct child network's range, with its id for links. */
export interface ChildRange extends Range {
  id: number;
}

/** countStates' input, plus the children's ids. */
export interface AddressStateInput extends StateInput {
  children: ReadonlyArray<ChildRange>;
}

/** A stored host status as a model state; anything unexpected in old data counts as active, as the original did. */
export function hostStateOf(status: string): HostState {
  return status === "reserved" || status === "inactive" ? status : "active";
}

/** The network's model fields that need no query: prefix, status, gateway and pool. */
export function addressStateBasics(row: Network): Pick<StateInput, "prefix" | "allocatable" | "gateway" | "pool"> {
  return {
    prefix: networkPrefix(row),
    allocatable: isAllocatable(row),
    gateway: row.gateway ? parseAddress(row.gateway).value : null,
    pool: networkPool(row),
  };
}

// Cached rows are the same objects until the next commit: parse their keys once (1,000 children: ~0.5 ms each time otherwise).
const parsedChildren = new WeakMap<StateRows, ChildRange[]>();
function childRanges(s: StateRows): ChildRange[] {
  let children = parsedChildren.get(s);
  if (!children) {
    children = s.children.map((c) => ({ id: c.id, first: fromSortKey(c.lo).value, last: fromSortKey(c.hi).value }));
    parsedChildren.set(s, children);
  }
  return children;
}

/**
 * countStates' input for each of `rows` (aligned), loaded for the whole page
 * at once: three statements however many networks (lib/db/raw/address-states.ts).
 */
export async function loadAddressStates(rows: Network[], tx?: Tx): Promise<AddressStateInput[]> {
  const basics = rows.map(addressStateBasics);
  const points = basics.map((b) => [...pointStates(b.prefix, b.gateway).keys()]);
  const stored = await loadStateRows(rows.map((row, i) => {
    const { prefix, pool } = basics[i];
    const key = (v: bigint) => sortKeyOf(prefix.family, v);
    return { networkId: row.id, pool: pool && { lo: key(pool.first), hi: key(pool.last) }, points: points[i].map(key) };
  }), tx);
  return rows.map((_, i) => {
    const s = stored[i];
    const { total, reserved, inactive } = s.hosts;
    return {
      ...basics[i],
      children: childRanges(s),
      hosts: { active: total - reserved - inactive, reserved, inactive },
      hostsInPool: s.inPool,
      pointHosts: s.pointHosts.map((h) => ({ value: fromSortKey(h.key).value, status: hostStateOf(h.status) })),
    };
  });
}

import type { Range } from "@/lib/ipam";

// The model's DHCP-pool invariants as pure predicates (docs/address-space.md
// "DHCP pools"). The start-up check (findAddressSpaceViolations) lists the
// rows that break them; the dnsmasq exporter leaves those rows out. Both call
// these functions, and so do the write rules (lib/services/hosts/check-hosts.ts,
// lib/services/networks/network-rules.ts), so they cannot disagree. The third address rule, "not an
// IPv4 network/broadcast address", is lib/ipam `reservedIPv4End`.

/** A network as these rules see it: its address range and its DHCP pool (already inside it). */
export interface PooledNetwork {
  id: number;
  family: number;
  first: bigint;
  last: bigint;
  pool: Range | null;
}

export interface PoolOverlap {
  networkId: number;
  /** The overlapping child: the outermost one (a grandchild inside it is not named again). */
  childId: number;
}

/** A DHCP pool that overlaps an address range (a child network's): the pool may not, dnsmasq would lease the child's addresses. */
export function poolOverlaps(pool: Range | null, range: Range): boolean {
  return pool !== null && pool.first <= range.last && range.first <= pool.last;
}
const compare = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every (network, direct child) pair whose child overlaps the network's DHCP
 * pool: dnsmasq would lease addresses that belong to the child. Networks nest
 * or are disjoint, so in address order (then widest first) a network's
 * descendants are the run right after it; a descendant starting inside the
 * previous child is a grandchild.
 */
export function poolChildOverlaps(networks: readonly PooledNetwork[]): PoolOverlap[] {
  const sorted = [...networks].sort((a, b) => a.family - b.family || compare(a.first, b.first) || compare(b.last, a.last));
  const out: PoolOverlap[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const n = sorted[i];
    if (!n.pool) continue;
    let childLast = -1n;
    for (let j = i + 1; j < sorted.length; j++) {
      const d = sorted[j];
      if (d.family !== n.family || d.first > n.last) break;
      if (d.first <= childLast) continue;
      childLast = d.last;
      if (poolOverlaps(n.pool, d)) out.push({ networkId: n.id, childId: d.id });
    }
  }
  return out;
}

/**
 * A host inside its network's DHCP pool needs a MAC: its static lease
 * (dhcp-host) is what stops dnsmasq leasing the address to another client.
 */
export function inPoolWithoutMac(pool: Range | null, value: bigint, mac: string | null): boolean {
  return pool !== null && !mac && pool.first <= value && value <= pool.last;
}

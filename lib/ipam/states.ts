import { mergeRanges } from "./free";
import { addressCount, lastAddress, usableRange } from "./prefix";
import type { Prefix, Range } from "./types";

// The one definition of what every address of a network is. Each address has
// exactly one state, taken in this order of precedence:
//
//   network_address, broadcast_address  the ends outside usableRange (IPv4 up
//                                       to /30; IPv6's subnet-router anycast)
//   gateway                             the network's router
//   child_network                       inside a child network (allocated there)
//   active, reserved, inactive          a host's address (a static lease in the
//                                       DHCP pool counts as the host)
//   dhcp_pool                           handed out dynamically by the DHCP server
//   free                                allocatable: what next-ip, allocate and
//                                       available-ips hand out
//   blocked                             would be free, but the network's status
//                                       (container, reserved, deprecated) takes
//                                       no new allocations
//
// Counting never enumerates: it is range arithmetic over at most a few points,
// one pool range and the (merged) child ranges.

export const addressStateNames = [
  "network_address", "broadcast_address", "gateway", "child_network",
  "active", "reserved", "inactive", "dhcp_pool", "free", "blocked",
] as const;
export type AddressState = (typeof addressStateNames)[number];
export type HostState = "active" | "reserved" | "inactive";
export type StateCounts = Record<AddressState, bigint>;

/** A host sitting on one of the point states (an end or the gateway): it counts as that point, not as a host. */
export interface PointHost {
  value: bigint;
  status: HostState;
}

export interface StateInput {
  prefix: Prefix;
  /** False for container, reserved and deprecated networks: their free space is `blocked`. */
  allocatable: boolean;
  gateway: bigint | null;
  pool: Range | null;
  /** Child network ranges in any order; overlapping ones (grandchildren) are merged. */
  children: ReadonlyArray<Range>;
  /** Hosts directly in the network (outside every child), by status, the ones on point states included. */
  hosts: Record<HostState, bigint>;
  /** How many of those hosts lie inside the DHCP pool. */
  hostsInPool: bigint;
  /** Those hosts that sit on an end or on the gateway (at most three). */
  pointHosts: ReadonlyArray<PointHost>;
}

/** The ends of a network that are never usable, by state. */
export function networkEnds(prefix: Prefix): { network_address: bigint | null; broadcast_address: bigint | null } {
  const { first, last } = usableRange(prefix);
  return {
    network_address: first !== prefix.network ? prefix.network : null,
    broadcast_address: last !== lastAddress(prefix) ? lastAddress(prefix) : null,
  };
}

/**
 * The addresses that take precedence over child networks and hosts: the ends
 * and the gateway. An IPv6 router may sit on the subnet-router anycast address
 * (RFC 4291 2.6.1: the network's first), so there the gateway wins; an IPv4
 * gateway is never on an end (network-rules refuses it), so there the end wins.
 */
export function pointStates(prefix: Prefix, gateway: bigint | null): Map<bigint, AddressState> {
  const points = new Map<bigint, AddressState>();
  const ends = networkEnds(prefix);
  const inside = gateway !== null && gateway >= prefix.network && gateway <= lastAddress(prefix);
  if (inside && prefix.family === 6) points.set(gateway, "gateway");
  if (ends.network_address !== null && !points.has(ends.network_address)) points.set(ends.network_address, "network_address");
  if (ends.broadcast_address !== null) points.set(ends.broadcast_address, "broadcast_address");
  if (inside && !points.has(gateway)) points.set(gateway, "gateway");
  return points;
}

/** |ranges ∩ [r.first, r.last]| for sorted, merged ranges. */
function overlapSize(merged: ReadonlyArray<Range>, r: Range): bigint {
  let n = 0n;
  for (const m of merged) {
    if (m.last < r.first) continue;
    if (m.first > r.last) break;
    const lo = m.first > r.first ? m.first : r.first;
    const hi = m.last < r.last ? m.last : r.last;
    n += hi - lo + 1n;
  }
  return n;
}

const inRange = (v: bigint, r: Range | null) => r !== null && r.first <= v && v <= r.last;
const inAny = (v: bigint, merged: ReadonlyArray<Range>) => merged.some((m) => m.first <= v && v <= m.last);

/** Clips ranges to the prefix and merges them. */
export function clipRanges(prefix: Prefix, ranges: ReadonlyArray<Range>): Range[] {
  const lo = prefix.network;
  const hi = lastAddress(prefix);
  const clipped: Range[] = [];
  for (const r of ranges) {
    const first = r.first < lo ? lo : r.first;
    const last = r.last > hi ? hi : r.last;
    if (first <= last) clipped.push({ first, last });
  }
  return mergeRanges(clipped);
}

/** Exact count of every state; the counts sum to addressCount(prefix). */
export function countStates(input: StateInput): StateCounts {
  const { prefix } = input;
  const total = addressCount(prefix);
  const points = pointStates(prefix, input.gateway);
  const children = clipRanges(prefix, input.children);
  const pool = input.pool ? clipRanges(prefix, [input.pool])[0] ?? null : null;
  const counts: StateCounts = {
    network_address: 0n, broadcast_address: 0n, gateway: 0n, child_network: 0n,
    active: 0n, reserved: 0n, inactive: 0n, dhcp_pool: 0n, free: 0n, blocked: 0n,
  };
  for (const state of points.values()) counts[state]++;

  let childTotal = 0n;
  for (const c of children) childTotal += c.last - c.first + 1n;
  let pointsInChildren = 0n;
  let pointsInPool = 0n;
  for (const v of points.keys()) {
    if (inAny(v, children)) pointsInChildren++;
    else if (inRange(v, pool)) pointsInPool++;
  }
  counts.child_network = childTotal - pointsInChildren;

  const onPoints = { active: 0n, reserved: 0n, inactive: 0n };
  let pointHostsInPool = 0n;
  for (const h of input.pointHosts) {
    if (!points.has(h.value)) continue;
    onPoints[h.status]++;
    if (inRange(h.value, pool)) pointHostsInPool++;
  }
  for (const s of ["active", "reserved", "inactive"] as const) counts[s] = input.hosts[s] - onPoints[s];

  if (pool) {
    const poolOutsideChildren = pool.last - pool.first + 1n - overlapSize(children, pool);
    counts.dhcp_pool = poolOutsideChildren - pointsInPool - (input.hostsInPool - pointHostsInPool);
  }
  let rest = total;
  for (const s of addressStateNames) rest -= counts[s];
  if (input.allocatable) counts.free = rest;
  else counts.blocked = rest;
  return counts;
}

/** The state of one address (same precedence as countStates); `hostStatus` is the host on it, if any. */
export function stateOfAddress(
  input: Pick<StateInput, "prefix" | "allocatable" | "gateway" | "pool" | "children">, value: bigint, hostStatus: HostState | null,
): AddressState {
  const point = pointStates(input.prefix, input.gateway).get(value);
  if (point) return point;
  if (input.children.some((c) => c.first <= value && value <= c.last)) return "child_network";
  if (hostStatus) return hostStatus;
  if (inRange(value, input.pool)) return "dhcp_pool";
  return input.allocatable ? "free" : "blocked";
}

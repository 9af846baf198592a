import "server-only";
import type { Tx } from "@/lib/db/client";
import { countHostsInRanges, type Queryable } from "@/lib/db/raw";
import { hostsWithKeys } from "@/lib/db/raw/bulk-import";
import { readNetworkById } from "@/lib/db/raw/network-rows";
import { AppError } from "@/lib/errors";
import { formatPrefix, formatValue, lastAddress, networkEnds, reservedIPv4End, sortKeyOf, uncoveredRanges, type Range } from "@/lib/ipam";
import type { Network } from "@/lib/generated/prisma/client";
import type { NetworkData } from "@/lib/schemas/network";
import { poolOverlaps } from "@/lib/services/integrity/address-space-rules";
import { buildNetworkTree, type TreeNode } from "@/lib/services/networks/network-tree";

// The rules a network write must pass against the stored data, for any
// number of writes at once (the shape rules live in lib/schemas/network-rules.ts).
// createNetwork, createNetworks, updateNetwork, createSubnet, the subnet
// planner and the importer all call networkWriteProblems, so they cannot
// disagree. docs/address-space.md describes the rules.

export async function loadNetwork(q: Queryable, id: number): Promise<Network> {
  const row = await readNetworkById(q, id);
  if (!row) throw networkNotFound(id);
  return row;
}

export const networkNotFound = (id: number) => new AppError("not_found", `Network ${id} not found`);

/** The Prisma columns of a parsed network. */
export function networkColumns(data: NetworkData) {
  return {
    network: data.network,
    cidr: data.cidr,
    family: data.family,
    startKey: sortKeyOf(data.family, data.prefix.network),
    endKey: sortKeyOf(data.family, lastAddress(data.prefix)),
    name: data.name,
    domain: data.domain,
    vlanId: data.vlan_id,
    description: data.description,
    location: data.location,
    gateway: data.gateway,
    dhcpStart: data.dhcp_start,
    dhcpEnd: data.dhcp_end,
    status: data.status,
    utilizationThreshold: data.utilization_threshold,
  };
}

export interface NetworkWrite {
  /** The caller's handle: a bulk index, a file row. Problems carry it back. */
  ref: number;
  data: NetworkData;
  /** The stored network this write replaces, or null for a new one. */
  stored: Network | null;
}

export interface NetworkProblem {
  ref: number;
  field: string;
  message: string;
  /** host_id / network_id of the other party, for the API's details. */
  other: Record<string, number>;
}

/** Stored networks the writes are checked against (loaded once when the caller checks in pages, as the planner does). */
export type StoredNetworks = ReadonlyArray<Network>;

/** Every stored network overlapping the span of the writes: their ancestors and descendants. */
export async function loadNetworksAround(q: Queryable, writes: ReadonlyArray<{ data: NetworkData }>): Promise<Network[]> {
  if (writes.length === 0) return [];
  const keys = writes.map((w) => networkColumns(w.data));
  const lo = keys.reduce((m, k) => (k.startKey < m ? k.startKey : m), keys[0].startKey);
  const hi = keys.reduce((m, k) => (k.endKey > m ? k.endKey : m), keys[0].endKey);
  return q.network.findMany({ where: { startKey: { lte: hi }, endKey: { gte: lo } } });
}

const poolText = (pool: Range, family: 4 | 6) => `${formatValue(family, pool.first)}–${formatValue(family, pool.last)}`;
const poolOf = (n: TreeNode) => (n.pool ? `DHCP pool ${poolText(n.pool, n.prefix.family)} of ${n.label}` : "");
const otherOf = (n: TreeNode): Record<string, number> => (n.id !== null ? { network_id: n.id } : {});

/** Ends of `n` (IPv4 network/broadcast, IPv6 subnet-router anycast) that no child may make usable. */
function endsOf(n: TreeNode): Array<{ value: bigint; role: string }> {
  const ends = networkEnds(n.prefix);
  return [
    ...(ends.network_address !== null ? [{ value: ends.network_address, role: "network" }] : []),
    ...(ends.broadcast_address !== null ? [{ value: ends.broadcast_address, role: "broadcast" }] : []),
  ];
}
const isEndOf = (n: TreeNode, value: bigint) => endsOf(n).some((e) => e.value === value);
const inside = (n: TreeNode, value: bigint) => n.prefix.network <= value && value <= lastAddress(n.prefix);

/** A child on its parent's end must keep that address unusable: a /31 or /32 there would hand it out. */
function endProblem(parent: TreeNode, child: TreeNode): string | null {
  for (const end of endsOf(parent)) {
    if (inside(child, end.value) && !isEndOf(child, end.value)) {
      return `${child.label} would make ${formatValue(parent.prefix.family, end.value)} usable, the ${end.role} address of ${parent.label}`;
    }
  }
  return null;
}

const overlapsPool = (pool: Range | null, n: TreeNode) => poolOverlaps(pool, { first: n.prefix.network, last: lastAddress(n.prefix) });

/**
 * What is wrong with these writes taken together with the stored networks,
 * at most one problem per write, in `writes` order. A write is checked for
 * what it changes: a new or moved prefix for every rule; an update of the
 * pool or the status only for those (so a network with data from before
 * these rules stays editable). Rules:
 * - the prefix is unique;
 * - a child network never makes its parent's network/broadcast address usable;
 * - a DHCP pool overlaps no child network;
 * - no host becomes the IPv4 network or broadcast address of the network;
 * - a container has no host directly in it.
 */
export async function networkWriteProblems(q: Queryable, writes: ReadonlyArray<NetworkWrite>, around?: StoredNetworks): Promise<NetworkProblem[]> {
  if (writes.length === 0) return [];
  const stored = around ?? (await loadNetworksAround(q, writes));
  const { nodes, ofWrite } = buildNetworkTree(stored, writes);
  const byPrefix = new Map<string, TreeNode[]>();
  for (const n of nodes) byPrefix.set(`${n.startKey}-${n.endKey}`, [...(byPrefix.get(`${n.startKey}-${n.endKey}`) ?? []), n]);
  const order = new Map(writes.map((w, i) => [w.ref, i]));
  const problems = new Map<number, NetworkProblem>();
  const report = (w: NetworkWrite, field: string, message: string, other: Record<string, number> = {}) => {
    if (!problems.has(w.ref)) problems.set(w.ref, { ref: w.ref, field, message, other });
  };

  writes.forEach((w, i) => {
    const node = ofWrite[i];
    const moved = !w.stored || w.stored.startKey !== node.startKey || w.stored.endKey !== node.endKey;
    const poolChanged = moved || w.stored!.dhcpStart !== w.data.dhcp_start || w.stored!.dhcpEnd !== w.data.dhcp_end;
    if (moved) {
      // The first of two equal prefixes in one request is fine by itself; the later one is refused.
      const twin = byPrefix.get(`${node.startKey}-${node.endKey}`)!.find((n) => n !== node && (n.ref === null || order.get(n.ref)! < i));
      if (twin) {
        const where = twin.id !== null ? `(id ${twin.id})` : `(item ${twin.ref} of this request)`;
        report(w, "network", `Network ${node.label} already exists ${where}`, otherOf(twin));
        return;
      }
      for (const up of node.ancestors()) {
        const problem = endProblem(up, node);
        if (problem) return report(w, "network", problem, otherOf(up));
        if (overlapsPool(up.pool, node)) return report(w, "network", `${node.label} overlaps the ${poolOf(up)}`, otherOf(up));
      }
      for (const down of node.descendants()) {
        if (down.startKey !== node.startKey && down.endKey !== node.endKey) continue;
        const problem = endProblem(node, down);
        if (problem) return report(w, "network", problem, otherOf(down));
      }
    }
    if (poolChanged && node.pool) {
      const child = node.descendants().find((d) => overlapsPool(node.pool, d));
      if (child) return report(w, "dhcp_start", `The ${poolOf(node)} overlaps child network ${child.label}`, otherOf(child));
    }
  });

  await boundaryHostProblems(q, writes, ofWrite, report);
  await containerHostProblems(q, writes, ofWrite, report);
  return writes.flatMap((w) => problems.get(w.ref) ?? []);
}

type Report = (w: NetworkWrite, field: string, message: string, other?: Record<string, number>) => void;

/** One read for every new or moved IPv4 network: hosts on its network or broadcast address (reservedIPv4End, the host rule). */
async function boundaryHostProblems(q: Queryable, writes: ReadonlyArray<NetworkWrite>, nodes: TreeNode[], report: Report): Promise<void> {
  // Nested writes can share an end (10.0.0.0/24 and 10.0.0.0/25): a key lists every write it ends.
  const ends = new Map<string, Array<{ write: NetworkWrite; node: TreeNode; value: bigint }>>();
  writes.forEach((w, i) => {
    const node = nodes[i];
    if (w.stored && w.stored.startKey === node.startKey && w.stored.endKey === node.endKey) return;
    for (const value of [node.prefix.network, lastAddress(node.prefix)]) {
      const key = sortKeyOf(node.prefix.family, value);
      if (reservedIPv4End(node.prefix, value)) ends.set(key, [...(ends.get(key) ?? []), { write: w, node, value }]);
    }
  });
  if (ends.size === 0) return;
  for (const host of await hostsWithKeys(q as Tx, [...ends.keys()])) {
    for (const { write, node, value } of ends.get(host.ip_key)!) {
      const role = reservedIPv4End(node.prefix, value);
      report(write, "network", `Host ${host.ip_address} (id ${host.id}) would be the ${role} address of ${node.label}`, { host_id: host.id });
    }
  }
}

/**
 * A container holds child networks, not hosts: the space of a new or moved
 * container, or of a network becoming one, outside its child networks must
 * be empty. One counting statement for all of them.
 */
async function containerHostProblems(q: Queryable, writes: ReadonlyArray<NetworkWrite>, nodes: TreeNode[], report: Report): Promise<void> {
  const gaps: Array<{ write: NetworkWrite; node: TreeNode; lo: string; hi: string }> = [];
  writes.forEach((w, i) => {
    const node = nodes[i];
    if (w.data.status !== "container") return;
    const moved = !w.stored || w.stored.startKey !== node.startKey || w.stored.endKey !== node.endKey;
    if (!moved && w.stored!.status === "container") return;
    for (const r of uncoveredRanges(node.prefix, node.descendants().map((d) => d.prefix))) {
      gaps.push({ write: w, node, lo: sortKeyOf(node.prefix.family, r.first), hi: sortKeyOf(node.prefix.family, r.last) });
    }
  });
  if (gaps.length === 0) return;
  // Counted on q itself (never the cached read connection): a write sees its own transaction.
  const counts = await countHostsInRanges(gaps, q as Tx);
  const seen = new Set<NetworkWrite>();
  for (const [i, gap] of gaps.entries()) {
    if (counts[i] === 0n || seen.has(gap.write)) continue;
    seen.add(gap.write);
    const host = await q.host.findFirst({ where: { ipKey: { gte: gap.lo, lte: gap.hi } }, orderBy: { ipKey: "asc" } });
    if (!host) continue;
    report(gap.write, "status",
      `${gap.node.label} can't be a container: host ${host.ipAddress} (id ${host.id}) lies directly in it. A container holds child networks, not hosts`,
      { host_id: host.id });
  }
}

/** The 409 for a single write's first problem. */
export function networkConflict(problem: NetworkProblem): AppError {
  return new AppError("conflict", problem.message, { [problem.field]: [problem.message], ...problem.other });
}

/** Throws the 409 when the write breaks a rule. */
export async function assertNetworkWrite(tx: Tx, write: Omit<NetworkWrite, "ref">): Promise<void> {
  const [problem] = await networkWriteProblems(tx, [{ ref: 0, ...write }]);
  if (problem) throw networkConflict(problem);
}

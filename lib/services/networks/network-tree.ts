import { formatPrefix, lastAddress, parseAddress, sortKeyOf, type Prefix, type Range } from "@/lib/ipam";
import type { Network } from "@/lib/generated/prisma/client";
import type { NetworkData } from "@/lib/schemas/network";
import { networkPrefix } from "@/lib/services/serializers/network-prefix";

// The network tree as it would be after a batch of writes: the stored
// networks, minus the ones the writes replace, plus the writes. Prefixes nest
// or are disjoint, so sorted by (start asc, end desc) a network's descendants
// are the run right after it, and one stack sweep gives every parent.

export interface TreeNode {
  /** Stored id (null for a new network). */
  id: number | null;
  /** The write's ref when this node is a write. */
  ref: number | null;
  startKey: string;
  endKey: string;
  prefix: Prefix;
  pool: Range | null;
  label: string;
  ancestors(): TreeNode[];
  descendants(): TreeNode[];
}

interface Source {
  id: number | null;
  ref: number | null;
  prefix: Prefix;
  dhcpStart: string | null;
  dhcpEnd: string | null;
}

function poolRange(start: string | null, end: string | null): Range | null {
  if (!start || !end) return null;
  return { first: parseAddress(start).value, last: parseAddress(end).value };
}

export function buildNetworkTree(
  stored: ReadonlyArray<Network>, writes: ReadonlyArray<{ ref: number; data: NetworkData; stored: Network | null }>,
): { nodes: TreeNode[]; ofWrite: TreeNode[] } {
  const replaced = new Set(writes.flatMap((w) => (w.stored ? [w.stored.id] : [])));
  const sources: Source[] = [
    ...stored.filter((n) => !replaced.has(n.id)).map((n) => ({ id: n.id, ref: null, prefix: networkPrefix(n), dhcpStart: n.dhcpStart, dhcpEnd: n.dhcpEnd })),
    ...writes.map((w) => ({ id: w.stored?.id ?? null, ref: w.ref, prefix: w.data.prefix, dhcpStart: w.data.dhcp_start, dhcpEnd: w.data.dhcp_end })),
  ];
  const nodes: TreeNode[] = [];
  const parent: number[] = [];
  const sorted = sources
    .map((s) => ({ s, startKey: sortKeyOf(s.prefix.family, s.prefix.network), endKey: sortKeyOf(s.prefix.family, lastAddress(s.prefix)) }))
    .sort((a, b) => (a.startKey < b.startKey ? -1 : a.startKey > b.startKey ? 1 : a.endKey > b.endKey ? -1 : a.endKey < b.endKey ? 1 : 0));
  const open: number[] = [];
  sorted.forEach(({ s, startKey, endKey }, i) => {
    while (open.length && nodes[open[open.length - 1]].endKey < startKey) open.pop();
    parent.push(open.length ? open[open.length - 1] : -1);
    open.push(i);
    nodes.push({
      id: s.id, ref: s.ref, startKey, endKey, prefix: s.prefix, pool: poolRange(s.dhcpStart, s.dhcpEnd), label: formatPrefix(s.prefix),
      ancestors: () => {
        const up: TreeNode[] = [];
        for (let p = parent[i]; p >= 0; p = parent[p]) up.push(nodes[p]);
        return up;
      },
      descendants: () => {
        let j = i + 1;
        while (j < nodes.length && nodes[j].startKey <= endKey) j++;
        return nodes.slice(i + 1, j);
      },
    });
  });
  const byRef = new Map(nodes.filter((n) => n.ref !== null).map((n) => [n.ref!, n]));
  return { nodes, ofWrite: writes.map((w) => byRef.get(w.ref)!) };
}

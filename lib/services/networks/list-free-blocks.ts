import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { countHostsInRanges } from "@/lib/db/raw";
import { formatPrefix, lastAddress, networkEnds, rangeToCidrs, sortKeyOf, uncoveredRanges, type Prefix, type Range } from "@/lib/ipam";
import type { FreeBlocksOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { loadNetwork } from "@/lib/services/networks/network-rules";
import { childPrefixes } from "@/lib/services/networks/subnet-rules";
import { countOut } from "@/lib/services/serializers/count-out";
import { networkPrefix } from "@/lib/services/serializers/network-prefix";
import { networkPool } from "@/lib/services/serializers/network-prefix";

/** The space of `gap` outside `pool` (a range to leave out), as one or two ranges. */
function outsidePool(gap: Range, pool: Range | null): Range[] {
  if (!pool || pool.last < gap.first || pool.first > gap.last) return [gap];
  return [
    ...(pool.first > gap.first ? [{ first: gap.first, last: pool.first - 1n }] : []),
    ...(pool.last < gap.last ? [{ first: pool.last + 1n, last: gap.last }] : []),
  ];
}

/**
 * A /31 or /32 block on the network's own network or broadcast address would
 * make that address usable (networkWriteProblems refuses it): such an
 * address is left out, so every block offered can be created.
 */
function withoutEnds(prefix: Prefix, blocks: Prefix[]): Prefix[] {
  const ends = Object.values(networkEnds(prefix)).filter((v): v is bigint => v !== null);
  return blocks.flatMap((b) => {
    const own = Object.values(networkEnds(b));
    const end = ends.find((e) => b.network <= e && e <= lastAddress(b) && !own.includes(e));
    if (end === undefined) return [b];
    return outsidePool({ first: b.network, last: lastAddress(b) }, { first: end, last: end })
      .flatMap((r) => rangeToCidrs(prefix.family, r.first, r.last));
  });
}

/**
 * GET /networks/{id}/free-blocks: the space no child network covers (and
 * outside the DHCP pool, which no child may overlap), as the fewest CIDR
 * blocks in address order, up to `limit`, each with the hosts inside it.
 * A container's page offers "Create network here" on each.
 */
export async function listFreeBlocks(actor: Actor, networkId: number, query: { limit: number }, tx?: Tx): Promise<FreeBlocksOut> {
  authorize(actor, "viewer");
  const db = tx ?? getDb();
  const network = await loadNetwork(db, networkId);
  const prefix = networkPrefix(network);
  const pool = networkPool(network);
  const blocks: Prefix[] = [];
  for (const gap of uncoveredRanges(prefix, await childPrefixes(db, network))) {
    // A gap yields at most 2 × 128 blocks, so a page never splits more than one gap too many.
    for (const part of outsidePool(gap, pool)) blocks.push(...withoutEnds(prefix, rangeToCidrs(prefix.family, part.first, part.last)));
    if (blocks.length >= query.limit) break;
  }
  const page = blocks.slice(0, query.limit);
  const hosts = await countHostsInRanges(page.map((p) => ({ lo: sortKeyOf(p.family, p.network), hi: sortKeyOf(p.family, lastAddress(p)) })), tx);
  return { items: page.map((p, i) => ({ prefix: formatPrefix(p), hosts: countOut(hosts[i]) })) };
}

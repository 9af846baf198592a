import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { keyReader } from "@/lib/db/raw";
import { formatValue, freeIntervalsAsync } from "@/lib/ipam";
import type { FreeRangesOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { firstUnused, freeSpaceOf, usedAfter } from "@/lib/services/ip/free-space";
import { loadNetwork } from "@/lib/services/networks/network-rules";
import { countOut } from "@/lib/services/serializers/count-out";

/** The first `limit` free ranges of a network, ascending, with exact sizes (none when its status takes no new hosts). */
export async function listFreeRanges(actor: Actor, networkId: number, query: { limit: number }, tx?: Tx): Promise<FreeRangesOut> {
  authorize(actor, "viewer");
  const network = await loadNetwork(tx ?? getDb(), networkId);
  const space = await freeSpaceOf(tx ?? getDb(), network);
  const reader = keyReader(tx);
  // Skip the used head quickly, then stream the rest into lib/ipam.
  const first = await firstUnused(reader, space, space.first);
  if (first === null) return { items: [] };
  const intervals = await freeIntervalsAsync(space.prefix, usedAfter(reader, space, first - 1n), {
    exclude: space.exclude, after: first - 1n, limit: query.limit,
  });
  const family = space.prefix.family;
  return {
    items: intervals.map((i) => ({ first: formatValue(family, i.first), last: formatValue(family, i.last), size: countOut(i.size) })),
  };
}

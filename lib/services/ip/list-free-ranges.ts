import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { keyReader } from "@/lib/db/raw";
import { formatValue, freeIntervalsAsync } from "@/lib/ipam";
import type { FreeRangesQuery } from "@/lib/schemas/ip";
import type { FreeRangesOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { firstUnused, freeSpaceOf, usedAfter } from "@/lib/services/ip/free-space";
import { loadNetwork } from "@/lib/services/networks/network-rules";
import { addressAfter, nextAddressCursor } from "@/lib/services/paging/address-cursor";
import { countOut } from "@/lib/services/serializers/count-out";

/**
 * `limit` free ranges of a network, ascending, with exact sizes (none when its
 * status takes no new hosts): the first ones, or those after `cursor` (the
 * previous page's next_cursor, null once the last range was listed).
 */
export async function listFreeRanges(actor: Actor, networkId: number, query: FreeRangesQuery, tx?: Tx): Promise<FreeRangesOut> {
  authorize(actor, "viewer");
  const network = await loadNetwork(tx ?? getDb(), networkId);
  const space = await freeSpaceOf(tx ?? getDb(), network);
  const family = space.prefix.family;
  const from = query.cursor ? addressAfter(query.cursor, family) + 1n : space.first;
  const reader = keyReader(tx);
  // Skip the used head quickly, then stream the rest into lib/ipam.
  const first = await firstUnused(reader, space, from);
  if (first === null) return { items: [], next_cursor: null };
  // One more than asked: whether another page exists.
  const intervals = await freeIntervalsAsync(space.prefix, usedAfter(reader, space, first - 1n), {
    exclude: space.exclude, after: first - 1n, limit: query.limit + 1,
  });
  const shown = intervals.slice(0, query.limit);
  return {
    items: shown.map((i) => ({ first: formatValue(family, i.first), last: formatValue(family, i.last), size: countOut(i.size) })),
    next_cursor: nextAddressCursor(family, shown.at(-1)?.last, intervals.length > query.limit, query.cursor?.page),
  };
}

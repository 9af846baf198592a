import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { keyReader } from "@/lib/db/raw";
import { AppError } from "@/lib/errors";
import { parseAddress, formatValue } from "@/lib/ipam";
import type { AvailableIpsQuery } from "@/lib/schemas/ip";
import type { AvailableIpsOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { findFree, freeSpaceOf } from "@/lib/services/ip/free-space";
import { loadNetwork } from "@/lib/services/networks/network-rules";
import { addressAfter, nextAddressCursor } from "@/lib/services/paging/address-cursor";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";

/**
 * Up to `limit` free addresses after `after` (or after `cursor`, the previous
 * page's next_cursor), ascending, plus the network's available_hosts. Paged
 * to the end (next_cursor null), they are exactly the network's
 * allocatable_hosts addresses: none for a network whose status takes no
 * new hosts.
 */
export async function listAvailableIps(actor: Actor, networkId: number, query: AvailableIpsQuery, tx?: Tx): Promise<AvailableIpsOut> {
  authorize(actor, "viewer");
  const network = await loadNetwork(tx ?? getDb(), networkId);
  const space = await freeSpaceOf(tx ?? getDb(), network);
  const family = space.prefix.family;
  let after: bigint | undefined;
  if (query.cursor) after = addressAfter(query.cursor, family);
  else if (query.after) {
    const a = parseAddress(query.after);
    if (a.family !== family) {
      throw new AppError("bad_request", `Invalid query parameter after: must be an IPv${family} address`, { after: ["wrong address family"] });
    }
    after = a.value;
  }
  // One more than asked: whether another page exists.
  const free = await findFree(keyReader(tx), space, query.limit + 1, after);
  const shown = free.slice(0, query.limit);
  const [out] = await serializeNetworks([network], tx);
  return {
    items: shown.map((v) => formatValue(family, v)),
    available_hosts: out.available_hosts,
    next_cursor: nextAddressCursor(family, shown.at(-1), free.length > query.limit, query.cursor?.page),
  };
}

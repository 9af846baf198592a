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
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";

/**
 * Up to `limit` free addresses after `after`, ascending, plus the network's
 * available_hosts. Paged to the end (`after` = the last one), they are
 * exactly the network's allocatable_hosts addresses: none for a network whose
 * status takes no new hosts.
 */
export async function listAvailableIps(actor: Actor, networkId: number, query: AvailableIpsQuery, tx?: Tx): Promise<AvailableIpsOut> {
  authorize(actor, "viewer");
  const network = await loadNetwork(tx ?? getDb(), networkId);
  const space = await freeSpaceOf(tx ?? getDb(), network);
  let after: bigint | undefined;
  if (query.after) {
    const a = parseAddress(query.after);
    if (a.family !== space.prefix.family) {
      throw new AppError("bad_request", `Invalid query parameter after: must be an IPv${space.prefix.family} address`, { after: ["wrong address family"] });
    }
    after = a.value;
  }
  const free = await findFree(keyReader(tx), space, query.limit, after);
  const [out] = await serializeNetworks([network], tx);
  return { items: free.map((v) => formatValue(space.prefix.family, v)), available_hosts: out.available_hosts };
}

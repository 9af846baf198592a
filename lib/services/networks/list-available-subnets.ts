import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { formatPrefix, freeSubnets } from "@/lib/ipam";
import type { AvailableSubnetsQuery } from "@/lib/schemas/ip";
import type { AvailableSubnetsOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { assertChildLength, childPrefixes } from "@/lib/services/networks/subnet-rules";
import { loadNetwork } from "@/lib/services/networks/network-rules";
import { networkPrefix } from "@/lib/services/serializers/network-prefix";

/** The free child prefixes of length `cidr` (not overlapping any child network), ascending. */
export async function listAvailableSubnets(
  actor: Actor, networkId: number, query: AvailableSubnetsQuery, tx?: Tx,
): Promise<AvailableSubnetsOut> {
  authorize(actor, "viewer");
  const db = tx ?? getDb();
  const network = await loadNetwork(db, networkId);
  const prefix = networkPrefix(network);
  assertChildLength(prefix, query.cidr, "query");
  const free = freeSubnets(prefix, await childPrefixes(db, network), query.cidr, { limit: query.limit });
  return { items: free.map((p) => ({ prefix: formatPrefix(p) })) };
}

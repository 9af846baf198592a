import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { formatPrefix } from "@/lib/ipam";
import type { AvailableSubnetsQuery } from "@/lib/schemas/ip";
import type { AvailableSubnetsOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { creatableSubnets } from "@/lib/services/networks/creatable-subnets";
import { loadNetwork } from "@/lib/services/networks/network-rules";
import { assertChildLength } from "@/lib/services/networks/subnet-rules";
import { countOut } from "@/lib/services/serializers/count-out";
import { networkPrefix } from "@/lib/services/serializers/network-prefix";

/**
 * The planner: child prefixes of length `cidr` whose creation would succeed
 * (the same rules as createNetwork), ascending, each with the number of
 * existing hosts it would take in; `empty_only` keeps those with none.
 */
export async function listAvailableSubnets(
  actor: Actor, networkId: number, query: AvailableSubnetsQuery, tx?: Tx,
): Promise<AvailableSubnetsOut> {
  authorize(actor, "viewer");
  const db = tx ?? getDb();
  const network = await loadNetwork(db, networkId);
  assertChildLength(networkPrefix(network), query.cidr, "query");
  const items: AvailableSubnetsOut["items"] = [];
  if (query.limit <= 0) return { items };
  for await (const candidate of creatableSubnets(db, network, query.cidr, { emptyOnly: query.empty_only, tx })) {
    items.push({ prefix: formatPrefix(candidate.prefix), hosts: countOut(candidate.hosts) });
    if (items.length >= query.limit) break;
  }
  return { items };
}

import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import type { NetworkOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";

/**
 * The networks with the highest utilization (ties: more hosts first). Usage
 * of every network comes from ONE grouped range-count statement, cached
 * between commits by lib/db/raw, so the dashboard never counts per row.
 */
export async function listMostUtilizedNetworks(actor: Actor, limit = 8): Promise<NetworkOut[]> {
  authorize(actor, "viewer");
  const rows = await getDb().network.findMany({ orderBy: [{ startKey: "asc" }, { cidr: "asc" }] });
  const networks = await serializeNetworks(rows);
  return networks
    .filter((n) => BigInt(n.used_hosts) > 0n)
    .sort((a, b) => b.utilization - a.utilization || Number(BigInt(b.used_hosts) - BigInt(a.used_hosts)))
    .slice(0, limit);
}

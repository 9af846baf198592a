import "server-only";
import type { Tx } from "@/lib/db/client";
import type { Network } from "@/lib/generated/prisma/client";
import type { NetworkData } from "@/lib/schemas/network";
import type { Recreate } from "@/lib/services/write-options";
import { assertNetworkWrite, networkColumns } from "@/lib/services/networks/network-rules";
import { recomputeNetworkTree } from "@/lib/services/networks/recompute-network-tree";

/** Checks and inserts one parsed network, then re-derives the tree (and its hosts' names) around it unless deferred. `recreate`: its old id and created_at. */
export async function insertNetwork(tx: Tx, data: NetworkData, deferDerived = false, recreate?: Recreate): Promise<Network> {
  await assertNetworkWrite(tx, { data, stored: null });
  const row = await tx.network.create({ data: { ...networkColumns(data), ...(recreate ? { id: recreate.id, createdAt: recreate.createdAt } : {}) } });
  if (deferDerived) return row;
  // Creating a /24 inside a /16 moves the /16's hosts in that range to the /24.
  await recomputeNetworkTree(tx, { lo: row.startKey, hi: row.endKey });
  return tx.network.findUniqueOrThrow({ where: { id: row.id } });
}

import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/services/authorize";
import { lockForNetworkWrite } from "@/lib/services/ip/network-locks";
import { loadNetwork } from "@/lib/services/networks/network-rules";
import { recomputeNetworkTree } from "@/lib/services/networks/recompute-network-tree";
import { inWriteTransaction, type WriteOptions } from "@/lib/services/write-options";

/**
 * Deletes a network. While hosts lie directly in it this is 409
 * network_not_empty (as in the original); child networks move up to its parent.
 */
export async function deleteNetwork(actor: Actor, id: number, options: WriteOptions = {}): Promise<void> {
  authorize(actor, "editor");
  await inWriteTransaction(actor, options.tx, async (tx) => {
    // An allocation in it waits (or has committed, and is counted below); its hosts and children move to the enclosing network.
    await lockForNetworkWrite(tx, { id });
    const row = await loadNetwork(tx, id);
    const hosts = await tx.host.count({ where: { networkId: id } });
    if (hosts > 0) {
      throw new AppError("network_not_empty", `Network ${row.network}/${row.cidr} still has ${hosts} host${hosts === 1 ? "" : "s"}; delete or move them first`, { hosts });
    }
    await tx.network.delete({ where: { id } });
    if (!options.deferDerived) await recomputeNetworkTree(tx, { lo: row.startKey, hi: row.endKey });
  });
}

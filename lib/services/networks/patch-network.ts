import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { NetworkPatchData } from "@/lib/schemas/network";
import type { NetworkOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { lockForNetworkWrite } from "@/lib/services/ip/network-locks";
import { mergeNetworkPatch } from "@/lib/services/networks/network-input";
import { loadNetwork } from "@/lib/services/networks/network-rules";
import { updateNetwork } from "@/lib/services/networks/update-network";
import { inWriteTransaction, type WriteOptions } from "@/lib/services/write-options";

/**
 * PATCH: the parsed fields (networkPatchSchema) merged over the stored
 * network, in the same transaction as the write, then updated like a PUT.
 */
export async function patchNetwork(actor: Actor, id: number, patch: NetworkPatchData, options: WriteOptions = {}): Promise<NetworkOut> {
  authorize(actor, "editor");
  return inWriteTransaction(actor, options.tx, async (tx) => {
    // Held before the stored row is read, so the merge cannot be based on a row another writer is replacing.
    await lockForNetworkWrite(tx, { id });
    const data = mergeNetworkPatch(await loadNetwork(tx, id), patch);
    return updateNetwork(actor, id, data, { ...options, tx });
  });
}

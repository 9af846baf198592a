import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { NetworkOut } from "@/lib/schemas/responses";
import type { NetworkData } from "@/lib/schemas/network";
import { authorize } from "@/lib/services/authorize";
import { lockForNetworkWrite } from "@/lib/services/ip/network-locks";
import { inWriteTransaction, type CreateOptions } from "@/lib/services/write-options";
import { insertNetwork } from "@/lib/services/networks/insert-network";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";

/**
 * Creates a network from parsed input (networkSchema). 409 conflict when it
 * breaks a network rule (networkWriteProblems): the prefix exists, it covers
 * a DHCP pool or makes its parent's network/broadcast address usable, a host
 * would become its network/broadcast address, a container with hosts in it.
 * `recreate`: a reverted deletion, under its old id (the same rules apply).
 */
export async function createNetwork(actor: Actor, data: NetworkData, options: CreateOptions = {}): Promise<NetworkOut> {
  authorize(actor, "editor");
  return inWriteTransaction(actor, options.tx, async (tx) => {
    // Serialized with every write in the network that will enclose it (its overlap and containment checks).
    await lockForNetworkWrite(tx, { writing: [data] });
    const row = await insertNetwork(tx, data, options.deferDerived, options.recreate);
    return (await serializeNetworks([row], tx))[0];
  });
}

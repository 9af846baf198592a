import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { firstFreeSubnet, formatPrefix } from "@/lib/ipam";
import { createSubnetSchema, networkSchema } from "@/lib/schemas/network";
import type { NetworkOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { insertNetwork } from "@/lib/services/networks/insert-network";
import { loadNetwork } from "@/lib/services/networks/network-rules";
import { assertChildLength, childPrefixes } from "@/lib/services/networks/subnet-rules";
import { networkPrefix } from "@/lib/services/serializers/network-prefix";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";
import { inWriteTransaction, type WriteOptions } from "@/lib/services/write-options";

/**
 * POST /networks/{id}/subnets: a new child network of length `cidr` at the
 * first free block (found and inserted in one write transaction, so two calls
 * cannot pick the same block). 409 network_full when no block is free.
 */
export async function createSubnet(actor: Actor, parentId: number, input: unknown, options: WriteOptions = {}): Promise<NetworkOut> {
  authorize(actor, "editor");
  const { cidr } = createSubnetSchema.parse(input);
  return inWriteTransaction(options.tx, async (tx) => {
    const parent = await loadNetwork(tx, parentId);
    const prefix = networkPrefix(parent);
    assertChildLength(prefix, cidr);
    const block = firstFreeSubnet(prefix, await childPrefixes(tx, parent), cidr);
    if (!block) throw new AppError("network_full", `No free /${cidr} is left in ${formatPrefix(prefix)}`);
    // The other fields (gateway, DHCP pool…) are checked against the chosen block like any network's.
    const data = networkSchema.parse({ ...(input as Record<string, unknown>), network: formatPrefix(block), cidr: undefined });
    const row = await insertNetwork(tx, data, options.deferDerived);
    return (await serializeNetworks([row], tx))[0];
  });
}

import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { formatPrefix } from "@/lib/ipam";
import { networkSchema, type CreateSubnetData } from "@/lib/schemas/network";
import type { NetworkOut } from "@/lib/schemas/responses";
import { lockNetworks } from "@/lib/db/raw/locks";
import { authorize } from "@/lib/services/authorize";
import { creatableSubnets } from "@/lib/services/networks/creatable-subnets";
import { insertNetwork } from "@/lib/services/networks/insert-network";
import { loadNetwork } from "@/lib/services/networks/network-rules";
import { assertChildLength } from "@/lib/services/networks/subnet-rules";
import { networkPrefix } from "@/lib/services/serializers/network-prefix";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";
import { inWriteTransaction, type WriteOptions } from "@/lib/services/write-options";

/**
 * POST /networks/{id}/subnets: a new child network of length `cidr` at the
 * first block whose creation succeeds (the planner's first offer; hosts in
 * it move to it), found and inserted in one write transaction, so two calls
 * cannot pick the same block. 409 network_full when no block qualifies.
 */
export async function createSubnet(actor: Actor, parentId: number, input: CreateSubnetData, options: WriteOptions = {}): Promise<NetworkOut> {
  authorize(actor, "editor");
  const { cidr, network: _chosenByServer, ...fields } = input;
  return inWriteTransaction(actor, options.tx, async (tx) => {
    // The block search and the insert hold the parent: another subnet, child or host there waits.
    await lockNetworks(tx, [parentId]);
    const parent = await loadNetwork(tx, parentId);
    const prefix = networkPrefix(parent);
    assertChildLength(prefix, cidr);
    let block = null;
    for await (const candidate of creatableSubnets(tx, parent, cidr, { status: fields.status, tx })) {
      block = candidate.prefix;
      break;
    }
    if (!block) throw new AppError("network_full", `No /${cidr} in ${formatPrefix(prefix)} can be created`);
    // The other fields (gateway, DHCP pool…) are checked against the chosen block like any network's.
    const data = networkSchema.parse({ ...fields, network: formatPrefix(block) });
    const row = await insertNetwork(tx, data, options.deferDerived);
    return (await serializeNetworks([row], tx))[0];
  });
}

import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { formatPrefix } from "@/lib/ipam";
import type { NetworkData } from "@/lib/schemas/network";
import type { NetworkOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { resyncHostNamesInRange } from "@/lib/services/hosts/host-names";
import { lockForNetworkWrite } from "@/lib/services/ip/network-locks";
import { assertNetworkWrite, loadNetwork, networkColumns } from "@/lib/services/networks/network-rules";
import { recomputeNetworkTree } from "@/lib/services/networks/recompute-network-tree";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";
import { inWriteTransaction, type WriteOptions } from "@/lib/services/write-options";

/**
 * PUT: replaces every writable field with parsed input (patchNetwork merges a
 * PATCH first). Moving the prefix so that hosts of this network would fall
 * outside it is a 409, as is anything networkWriteProblems refuses (a pool
 * over a child, a container with hosts directly in it…). Children and hosts
 * around the old and new prefix are re-derived; a new domain renames the
 * hosts in it (409 when a name then collides, nothing written).
 */
export async function updateNetwork(actor: Actor, id: number, data: NetworkData, options: WriteOptions = {}): Promise<NetworkOut> {
  authorize(actor, "editor");
  return inWriteTransaction(actor, options.tx, async (tx) => {
    // This network (its hosts, pool, gateway) and the networks around its old and new prefix.
    await lockForNetworkWrite(tx, { id, writing: [data] });
    const row = await loadNetwork(tx, id);
    const columns = networkColumns(data);
    const moved = columns.startKey !== row.startKey || columns.endKey !== row.endKey;
    if (moved) {
      const outside = await tx.host.findFirst({
        where: { networkId: id, OR: [{ ipKey: { lt: columns.startKey } }, { ipKey: { gt: columns.endKey } }] },
        orderBy: { ipKey: "asc" },
      });
      if (outside) {
        throw new AppError("conflict", `Host ${outside.ipAddress} (id ${outside.id}) would fall outside ${formatPrefix(data.prefix)}`, {
          network: [`Host ${outside.ipAddress} would fall outside the new prefix`], host_id: outside.id,
        });
      }
    }
    await assertNetworkWrite(tx, { data, stored: row });
    let updated = await tx.network.update({ where: { id }, data: columns });
    if (options.deferDerived) return (await serializeNetworks([updated], tx))[0];
    if (moved) {
      await recomputeNetworkTree(tx, { lo: row.startKey, hi: row.endKey });
      await recomputeNetworkTree(tx, { lo: updated.startKey, hi: updated.endKey });
      updated = await tx.network.findUniqueOrThrow({ where: { id } });
    }
    if (row.domain !== updated.domain) await resyncHostNamesInRange(tx, { lo: updated.startKey, hi: updated.endKey });
    return (await serializeNetworks([updated], tx))[0];
  });
}

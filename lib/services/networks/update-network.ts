import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { formatPrefix } from "@/lib/ipam";
import { networkSchema } from "@/lib/schemas/network";
import type { NetworkOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { mergeNetworkPatch } from "@/lib/services/networks/network-input";
import { assertNoBoundaryHosts, assertPrefixFree, loadNetwork, networkColumns } from "@/lib/services/networks/network-rules";
import { recomputeNetworkTree } from "@/lib/services/networks/recompute-network-tree";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";
import { inWriteTransaction, type WriteOptions } from "@/lib/services/write-options";

/**
 * PUT (all writable fields) or PATCH (`partial`: merged over the stored
 * network, then validated as a whole). Changing the prefix so that hosts of
 * this network would fall outside it is a 409; children and hosts around the
 * old and new prefix are re-derived.
 */
export async function updateNetwork(
  actor: Actor, id: number, input: unknown, options: WriteOptions & { partial?: boolean } = {},
): Promise<NetworkOut> {
  authorize(actor, "editor");
  return inWriteTransaction(options.tx, async (tx) => {
    const row = await loadNetwork(tx, id);
    const data = networkSchema.parse(options.partial ? mergeNetworkPatch(row, input) : input);
    const columns = networkColumns(data);
    const moved = columns.startKey !== row.startKey || columns.endKey !== row.endKey;
    if (moved) {
      await assertPrefixFree(tx, data, id);
      const outside = await tx.host.findFirst({
        where: { networkId: id, OR: [{ ipKey: { lt: columns.startKey } }, { ipKey: { gt: columns.endKey } }] },
        orderBy: { ipKey: "asc" },
      });
      if (outside) {
        throw new AppError("conflict", `Host ${outside.ipAddress} (id ${outside.id}) would fall outside ${formatPrefix(data.prefix)}`, {
          network: [`Host ${outside.ipAddress} would fall outside the new prefix`], host_id: outside.id,
        });
      }
      await assertNoBoundaryHosts(tx, data, id);
    }
    let updated = await tx.network.update({ where: { id }, data: columns });
    if (moved && !options.deferDerived) {
      await recomputeNetworkTree(tx, { lo: row.startKey, hi: row.endKey });
      await recomputeNetworkTree(tx, { lo: updated.startKey, hi: updated.endKey });
      updated = await tx.network.findUniqueOrThrow({ where: { id } });
    }
    return (await serializeNetworks([updated], tx))[0];
  });
}

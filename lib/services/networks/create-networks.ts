import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/client";
import { validationError, type FieldErrors } from "@/lib/errors";
import type { Network } from "@/lib/generated/prisma/client";
import { networkSchema, type NetworkData } from "@/lib/schemas/network";
import type { NetworkOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { addItemError, addZodItemErrors, assertBulkSize } from "@/lib/services/bulk-errors";
import { insertNetwork } from "@/lib/services/networks/insert-network";
import { recomputeNetworkTree } from "@/lib/services/networks/recompute-network-tree";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";
import { inWriteTransaction } from "@/lib/services/write-options";

/** Bulk create: all or nothing; any failing item → 422 with messages per "<index>.<field>". */
export async function createNetworks(actor: Actor, inputs: unknown[], options: { tx?: Tx } = {}): Promise<NetworkOut[]> {
  authorize(actor, "editor");
  assertBulkSize(inputs);
  const errors: FieldErrors = {};
  const parsed: NetworkData[] = [];
  inputs.forEach((input, i) => {
    const result = networkSchema.safeParse(input);
    if (result.success) parsed.push(result.data);
    else addZodItemErrors(errors, i, result.error);
  });
  if (Object.keys(errors).length) throw validationError(errors);
  return inWriteTransaction(options.tx, async (tx) => {
    const rows: Network[] = [];
    for (const [i, data] of parsed.entries()) {
      try {
        rows.push(await insertNetwork(tx, data, true));
      } catch (error) {
        addItemError(errors, i, error);
      }
    }
    if (Object.keys(errors).length) throw validationError(errors);
    for (const row of rows) await recomputeNetworkTree(tx, { lo: row.startKey, hi: row.endKey });
    const fresh = new Map((await tx.network.findMany({ where: { id: { in: rows.map((r) => r.id) } } })).map((r) => [r.id, r]));
    return serializeNetworks(rows.map((r) => fresh.get(r.id)!), tx);
  });
}

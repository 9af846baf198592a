import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/client";
import { addFieldError, validationError, type FieldErrors } from "@/lib/errors";
import type { NetworkData } from "@/lib/schemas/network";
import type { NetworkOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { assertBulkSize } from "@/lib/services/bulk-errors";
import { lockForNetworkWrite } from "@/lib/services/ip/network-locks";
import { networkColumns, networkWriteProblems } from "@/lib/services/networks/network-rules";
import { recomputeNetworkTree } from "@/lib/services/networks/recompute-network-tree";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";
import { inWriteTransaction } from "@/lib/services/write-options";

/**
 * Bulk create from parsed items: all or nothing. The items are checked
 * together (a pool in one and a child in another are caught) by the same
 * rules as createNetwork; any failing item → 422 with messages per "<index>.<field>".
 */
export async function createNetworks(actor: Actor, items: NetworkData[], options: { tx?: Tx } = {}): Promise<NetworkOut[]> {
  authorize(actor, "editor");
  assertBulkSize(items);
  return inWriteTransaction(actor, options.tx, async (tx) => {
    await lockForNetworkWrite(tx, { writing: items });
    const problems = await networkWriteProblems(tx, items.map((data, ref) => ({ ref, data, stored: null })));
    if (problems.length) {
      const errors: FieldErrors = {};
      for (const p of problems) addFieldError(errors, `${p.ref}.${p.field}`, p.message);
      throw validationError(errors);
    }
    const rows = [];
    for (const data of items) rows.push(await tx.network.create({ data: networkColumns(data) }));
    for (const row of rows) await recomputeNetworkTree(tx, { lo: row.startKey, hi: row.endKey });
    const fresh = new Map((await tx.network.findMany({ where: { id: { in: rows.map((r) => r.id) } } })).map((r) => [r.id, r]));
    return serializeNetworks(rows.map((r) => fresh.get(r.id)!), tx);
  });
}

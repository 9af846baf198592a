import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { HostSelection } from "@/lib/schemas/host-bulk";
import { authorize } from "@/lib/services/authorize";
import { selectHosts } from "@/lib/services/hosts/bulk-host-selection";
import { inWriteTransaction, type WriteOptions } from "@/lib/services/write-options";

/**
 * Deletes many hosts, all or nothing: explicit ids (404 naming the missing
 * ones) or a filter with its expected count (409 when the count moved);
 * see selectHosts.
 */
export async function bulkDeleteHosts(actor: Actor, input: HostSelection, options: WriteOptions = {}): Promise<{ deleted: number }> {
  authorize(actor, "editor");
  return inWriteTransaction(actor, options.tx, async (tx) => {
    const ids = (await selectHosts(tx, input)).map((h) => h.id);
    const { count } = await tx.host.deleteMany({ where: { id: { in: ids } } });
    return { deleted: count };
  });
}

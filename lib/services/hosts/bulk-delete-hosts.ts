import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { BulkHostIds } from "@/lib/schemas/host";
import { authorize } from "@/lib/services/authorize";
import { assertHostsExist } from "@/lib/services/hosts/assert-hosts-exist";
import { inWriteTransaction, type WriteOptions } from "@/lib/services/write-options";

/** Deletes many hosts: all or nothing (404 naming the missing ids). */
export async function bulkDeleteHosts(actor: Actor, input: BulkHostIds, options: WriteOptions = {}): Promise<{ deleted: number }> {
  authorize(actor, "editor");
  const { ids } = input;
  return inWriteTransaction(actor, options.tx, async (tx) => {
    const unique = await assertHostsExist(tx, ids);
    const { count } = await tx.host.deleteMany({ where: { id: { in: unique } } });
    return { deleted: count };
  });
}

import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { bulkHostStatusSchema } from "@/lib/schemas/host";
import { authorize } from "@/lib/services/authorize";
import { assertHostsExist } from "@/lib/services/hosts/assert-hosts-exist";
import { inWriteTransaction, type WriteOptions } from "@/lib/services/write-options";

/** Sets one status on many hosts: all or nothing (404 naming the missing ids). */
export async function bulkUpdateHostStatus(actor: Actor, input: unknown, options: WriteOptions = {}): Promise<{ updated: number }> {
  authorize(actor, "editor");
  const { ids, status } = bulkHostStatusSchema.parse(input);
  return inWriteTransaction(options.tx, async (tx) => {
    const unique = await assertHostsExist(tx, ids);
    const { count } = await tx.host.updateMany({ where: { id: { in: unique } }, data: { status } });
    return { updated: count };
  });
}

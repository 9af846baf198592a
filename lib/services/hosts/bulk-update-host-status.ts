import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { BulkHostStatus } from "@/lib/schemas/host";
import { authorize } from "@/lib/services/authorize";
import { assertHostsExist } from "@/lib/services/hosts/assert-hosts-exist";
import { checkHosts } from "@/lib/services/hosts/check-hosts";
import { hostDataOf } from "@/lib/services/hosts/host-input";
import { assertHostsValid } from "@/lib/services/hosts/write-hosts";
import { inWriteTransaction, type WriteOptions } from "@/lib/services/write-options";

/**
 * Sets one status on many hosts: all or nothing (404 naming the missing ids).
 * Each changed host passes the host rules like any other write; only the
 * status column is written, so names and MACs stay as they are.
 */
export async function bulkUpdateHostStatus(actor: Actor, input: BulkHostStatus, options: WriteOptions = {}): Promise<{ updated: number }> {
  authorize(actor, "editor");
  const { ids, status } = input;
  return inWriteTransaction(actor, options.tx, async (tx) => {
    const unique = await assertHostsExist(tx, ids);
    const byId = new Map((await tx.host.findMany({ where: { id: { in: unique } } })).map((row) => [row.id, row]));
    const rows = unique.map((id) => byId.get(id)!);
    assertHostsValid(await checkHosts(tx, rows.map((self) => ({ data: { ...hostDataOf(self), status }, self }))));
    const { count } = await tx.host.updateMany({ where: { id: { in: unique } }, data: { status } });
    return { updated: count };
  });
}

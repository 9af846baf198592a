import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { BulkHostStatus } from "@/lib/schemas/host";
import { bulkEditHosts } from "@/lib/services/hosts/bulk-edit-hosts";
import type { WriteOptions } from "@/lib/services/write-options";

/**
 * Sets one status on many hosts: bulkEditHosts with the status alone (one
 * code path: 404 naming missing ids, the host rules, all or nothing).
 * `updated` counts every selected host, those already at the status too.
 */
export async function bulkUpdateHostStatus(actor: Actor, input: BulkHostStatus, options: WriteOptions = {}): Promise<{ updated: number }> {
  const { matched } = await bulkEditHosts(actor, { select: { ids: input.ids }, set: { status: input.status } }, options);
  return { updated: matched };
}

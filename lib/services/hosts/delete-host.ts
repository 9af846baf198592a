import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { authorize } from "@/lib/services/authorize";
import { loadHost } from "@/lib/services/hosts/host-rules";
import { inWriteTransaction, type WriteOptions } from "@/lib/services/write-options";

export async function deleteHost(actor: Actor, id: number, options: WriteOptions = {}): Promise<void> {
  authorize(actor, "editor");
  await inWriteTransaction(actor, options.tx, async (tx) => {
    await loadHost(tx, id);
    await tx.host.delete({ where: { id } });
  });
}

import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { hostSchema } from "@/lib/schemas/host";
import type { HostOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { mergeHostPatch } from "@/lib/services/hosts/host-input";
import { loadHost, resolveHost } from "@/lib/services/hosts/host-rules";
import { serializeHost } from "@/lib/services/serializers/serialize-host";
import { inWriteTransaction, type WriteOptions } from "@/lib/services/write-options";

/** PUT (all writable fields) or PATCH (`partial`: merged over the stored host, then validated as a whole). */
export async function updateHost(
  actor: Actor, id: number, input: unknown, options: WriteOptions & { partial?: boolean } = {},
): Promise<HostOut> {
  authorize(actor, "editor");
  return inWriteTransaction(options.tx, async (tx) => {
    const row = await loadHost(tx, id);
    const data = hostSchema.parse(options.partial ? mergeHostPatch(row, input) : input);
    return serializeHost(await tx.host.update({ where: { id }, data: await resolveHost(tx, data, row) }));
  });
}

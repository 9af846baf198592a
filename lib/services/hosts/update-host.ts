import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { HostData, HostPatch } from "@/lib/schemas/host";
import type { HostOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { checkHosts } from "@/lib/services/hosts/check-hosts";
import { mergeHostPatch } from "@/lib/services/hosts/host-input";
import { loadHost } from "@/lib/services/hosts/host-rules";
import { assertHostValid, writeHostsAndAnswer } from "@/lib/services/hosts/write-hosts";
import { serializeHost } from "@/lib/services/serializers/serialize-host";
import { inWriteTransaction, type WriteOptions } from "@/lib/services/write-options";

/** PUT replaces every writable field; PATCH merges the given fields over the stored host. Either way the whole host then passes the host rules. */
export type HostChange = { put: HostData } | { patch: HostPatch };

export async function updateHost(actor: Actor, id: number, change: HostChange, options: WriteOptions = {}): Promise<HostOut> {
  authorize(actor, "editor");
  return inWriteTransaction(actor, options.tx, async (tx) => {
    const self = await loadHost(tx, id);
    const data = "put" in change ? change.put : mergeHostPatch(self, change.patch);
    const [checked] = await checkHosts(tx, [{ data, self }]);
    assertHostValid(checked);
    const [row] = await writeHostsAndAnswer(tx, [checked]);
    return serializeHost(row);
  });
}

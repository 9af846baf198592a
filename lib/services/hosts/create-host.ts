import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { HostData } from "@/lib/schemas/host";
import type { HostOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { checkHosts } from "@/lib/services/hosts/check-hosts";
import { lockForHosts } from "@/lib/services/ip/network-locks";
import { assertHostValid, writeHostsAndAnswer } from "@/lib/services/hosts/write-hosts";
import { serializeHost } from "@/lib/services/serializers/serialize-host";
import { inWriteTransaction, type CreateOptions } from "@/lib/services/write-options";

/** Creates a host (a batch of one for the host rules); its network is derived from the address. `recreate`: a reverted deletion. */
export async function createHost(actor: Actor, data: HostData, options: CreateOptions = {}): Promise<HostOut> {
  authorize(actor, "editor");
  return inWriteTransaction(actor, options.tx, async (tx) => {
    // Serialized with allocations and network writes in the network it lands in.
    await lockForHosts(tx, [data.ip_address]);
    const [checked] = await checkHosts(tx, [{ data, self: null }]);
    assertHostValid(checked);
    const [row] = await writeHostsAndAnswer(tx, [checked], options.recreate);
    return serializeHost(row);
  });
}

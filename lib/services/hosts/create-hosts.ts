import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/client";
import type { HostData } from "@/lib/schemas/host";
import type { HostOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { assertBulkSize } from "@/lib/services/bulk-errors";
import { checkHosts } from "@/lib/services/hosts/check-hosts";
import { lockForHosts } from "@/lib/services/ip/network-locks";
import { assertHostsValid, writeHostsAndAnswer } from "@/lib/services/hosts/write-hosts";
import { serializeHost } from "@/lib/services/serializers/serialize-host";
import { inWriteTransaction } from "@/lib/services/write-options";

/** Bulk create: all or nothing; any failing item → 422 with messages per "<index>.<field>" (duplicates inside the batch too). */
export async function createHosts(actor: Actor, items: HostData[], options: { tx?: Tx } = {}): Promise<HostOut[]> {
  authorize(actor, "editor");
  assertBulkSize(items);
  return inWriteTransaction(actor, options.tx, async (tx) => {
    // Serialized with allocations and network writes in every network the batch lands in.
    await lockForHosts(tx, items.map((data) => data.ip_address));
    const checked = await checkHosts(tx, items.map((data) => ({ data, self: null })));
    assertHostsValid(checked);
    return (await writeHostsAndAnswer(tx, checked)).map(serializeHost);
  });
}

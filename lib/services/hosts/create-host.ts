import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { hostSchema } from "@/lib/schemas/host";
import type { HostOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { resolveHost } from "@/lib/services/hosts/host-rules";
import { serializeHost } from "@/lib/services/serializers/serialize-host";
import { inWriteTransaction, type WriteOptions } from "@/lib/services/write-options";

/** Creates a host; its network is derived from the address. 409 on a used address, MAC or alias. */
export async function createHost(actor: Actor, input: unknown, options: WriteOptions = {}): Promise<HostOut> {
  authorize(actor, "editor");
  const data = hostSchema.parse(input);
  return inWriteTransaction(options.tx, async (tx) => {
    const row = await tx.host.create({ data: await resolveHost(tx, data, null) });
    return serializeHost(row);
  });
}

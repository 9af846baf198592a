import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { NetworkOut } from "@/lib/schemas/responses";
import { networkSchema } from "@/lib/schemas/network";
import { authorize } from "@/lib/services/authorize";
import { inWriteTransaction, type WriteOptions } from "@/lib/services/write-options";
import { insertNetwork } from "@/lib/services/networks/insert-network";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";

/** Creates a network; 409 when the prefix exists, 422 on invalid input (host bits set names the intended network). */
export async function createNetwork(actor: Actor, input: unknown, options: WriteOptions = {}): Promise<NetworkOut> {
  authorize(actor, "editor");
  const data = networkSchema.parse(input);
  return inWriteTransaction(options.tx, async (tx) => {
    const row = await insertNetwork(tx, data, options.deferDerived);
    return (await serializeNetworks([row], tx))[0];
  });
}

import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import type { NetworkOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { loadNetwork } from "@/lib/services/networks/network-rules";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";

export async function getNetwork(actor: Actor, id: number, tx?: Tx): Promise<NetworkOut> {
  authorize(actor, "viewer");
  const row = await loadNetwork(tx ?? getDb(), id);
  return (await serializeNetworks([row], tx))[0];
}

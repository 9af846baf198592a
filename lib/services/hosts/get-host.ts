import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import type { HostOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { loadHost } from "@/lib/services/hosts/host-rules";
import { serializeHost } from "@/lib/services/serializers/serialize-host";

export async function getHost(actor: Actor, id: number, tx?: Tx): Promise<HostOut> {
  authorize(actor, "viewer");
  return serializeHost(await loadHost(tx ?? getDb(), id));
}

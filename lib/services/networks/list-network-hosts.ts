import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import type { HostListQuery } from "@/lib/schemas/list";
import type { HostOut, Page } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { listHosts } from "@/lib/services/hosts/list-hosts";
import { loadNetwork } from "@/lib/services/networks/network-rules";

/** GET /networks/{id}/hosts: the hosts whose most specific network is this one (404 for an unknown network). */
export async function listNetworkHosts(
  actor: Actor, networkId: number, query: Omit<HostListQuery, "network_id">, tx?: Tx,
): Promise<Page<HostOut>> {
  authorize(actor, "viewer");
  await loadNetwork(tx ?? getDb(), networkId);
  return listHosts(actor, { ...query, network_id: networkId }, tx);
}

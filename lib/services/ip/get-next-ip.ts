import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { keyReader } from "@/lib/db/raw";
import { AppError } from "@/lib/errors";
import { formatValue } from "@/lib/ipam";
import type { NextIpOut } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { findFree, freeSpaceOf } from "@/lib/services/ip/free-space";
import { loadNetwork } from "@/lib/services/networks/network-rules";
import { assertAllocatable } from "@/lib/services/networks/network-status";

/**
 * The lowest free address of a network (it is not reserved: allocate for that).
 * 409 network_is_container / network_not_allocatable when the network's status
 * takes no new hosts, 409 network_full when none is free.
 */
export async function getNextIp(actor: Actor, networkId: number, tx?: Tx): Promise<NextIpOut> {
  authorize(actor, "viewer");
  const network = await loadNetwork(tx ?? getDb(), networkId);
  assertAllocatable(network);
  const space = await freeSpaceOf(tx ?? getDb(), network);
  const [next] = await findFree(keyReader(tx), space, 1);
  if (next === undefined) throw new AppError("network_full", `Network ${network.network}/${network.cidr} has no free address`);
  return { ip_address: formatValue(space.prefix.family, next), network_id: network.id };
}

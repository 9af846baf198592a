import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { authorize } from "@/lib/services/authorize";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";

export interface FreeAddressTotals {
  /** Decimal strings: IPv6 totals exceed any JavaScript number. */
  ipv4: string;
  ipv6: string;
}

/**
 * Free addresses over the managed space: the sum of available_hosts of the
 * top-level networks (a child's addresses already lie inside its parent, so
 * summing every network would count them twice).
 */
export async function getFreeAddressTotals(actor: Actor): Promise<FreeAddressTotals> {
  authorize(actor, "viewer");
  const roots = await getDb().network.findMany({ where: { parentId: null } });
  const totals = { 4: 0n, 6: 0n };
  for (const network of await serializeNetworks(roots)) totals[network.family] += BigInt(network.available_hosts);
  return { ipv4: totals[4].toString(), ipv6: totals[6].toString() };
}

import "server-only";
import { getDb } from "@/lib/db/client";
import { hostStatusTotals } from "@/lib/db/raw";
import type { Actor } from "@/lib/auth/roles";
import { authorize } from "@/lib/services/authorize";

export interface DashboardCounts {
  networks: number;
  hosts: number;
  hostsByStatus: Record<"active" | "inactive" | "reserved", number>;
}

/**
 * Counts for the dashboard cards: the networks, and the hosts by status from
 * the kept per-network counts (lib/db/raw/network-counts.ts), never a pass
 * over the hosts. A status other than reserved or inactive counts as active,
 * as everywhere in the address-state model.
 */
export async function getDashboardCounts(actor: Actor): Promise<DashboardCounts> {
  authorize(actor, "viewer");
  const [networks, hosts] = await Promise.all([getDb().network.count(), hostStatusTotals()]);
  const hostsByStatus = {
    active: Number(hosts.total - hosts.reserved - hosts.inactive),
    inactive: Number(hosts.inactive),
    reserved: Number(hosts.reserved),
  };
  return { networks, hosts: Number(hosts.total), hostsByStatus };
}

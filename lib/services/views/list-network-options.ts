import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { authorize } from "@/lib/services/authorize";
import { isAllocatable } from "@/lib/services/networks/network-status";

export interface NetworkOption {
  id: number;
  prefix: string;
  name: string | null;
  /** Takes new hosts (status active): "next free in …" offers only these. */
  allocatable: boolean;
}

/**
 * Networks for pickers (host form's "next free in …", the hosts filter), in
 * address order, without usage counts: one indexed read of a few columns.
 */
export async function listNetworkOptions(actor: Actor, limit = 2000): Promise<NetworkOption[]> {
  authorize(actor, "viewer");
  const rows = await getDb().network.findMany({
    select: { id: true, network: true, cidr: true, name: true, status: true },
    orderBy: [{ startKey: "asc" }, { cidr: "asc" }],
    take: limit,
  });
  return rows.map((row) => ({ id: row.id, prefix: `${row.network}/${row.cidr}`, name: row.name, allocatable: isAllocatable(row) }));
}

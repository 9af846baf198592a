import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { authorize } from "@/lib/services/authorize";
import type { NetworkOption } from "@/lib/services/views/list-network-options";

export type NetworkLabel = Omit<NetworkOption, "allocatable">;

/** Prefix and name of the networks a page of hosts refers to: one query for the page, never one per row. */
export async function getNetworkLabels(actor: Actor, ids: Array<number | null>): Promise<Record<number, NetworkLabel>> {
  authorize(actor, "viewer");
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return {};
  const rows = await getDb().network.findMany({
    where: { id: { in: wanted } },
    select: { id: true, network: true, cidr: true, name: true },
  });
  return Object.fromEntries(rows.map((row) => [row.id, { id: row.id, prefix: `${row.network}/${row.cidr}`, name: row.name }]));
}

import "server-only";
import { getDb } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { authorize } from "@/lib/services/authorize";

export interface DashboardCounts {
  networks: number;
  hosts: number;
  hostsByStatus: Record<"active" | "inactive" | "reserved", number>;
}

/** Counts for the dashboard cards: two indexed aggregate queries, no row loading. */
export async function getDashboardCounts(actor: Actor): Promise<DashboardCounts> {
  authorize(actor, "viewer");
  const db = getDb();
  const [networks, grouped] = await Promise.all([
    db.network.count(),
    db.host.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const hostsByStatus = { active: 0, inactive: 0, reserved: 0 };
  for (const row of grouped) {
    if (row.status in hostsByStatus) hostsByStatus[row.status as keyof typeof hostsByStatus] = row._count._all;
  }
  return { networks, hosts: hostsByStatus.active + hostsByStatus.inactive + hostsByStatus.reserved, hostsByStatus };
}

import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { authorize } from "@/lib/services/authorize";
import { defaultUtilizationThreshold } from "@/lib/services/networks/default-utilization-threshold";
import { keepByUtilization } from "@/lib/services/networks/utilization-filter";

export interface OverThreshold {
  /** Networks at or above their utilization threshold: what /networks?over_threshold=true lists. */
  count: number;
  /** The threshold of networks without their own (UTILIZATION_WARN_PERCENT). */
  defaultThreshold: number;
}

/** The dashboard's warning: the networks list's own filter (keepByUtilization), so the number and the linked list agree. */
export async function countNetworksOverThreshold(actor: Actor): Promise<OverThreshold> {
  authorize(actor, "viewer");
  const count = (await keepByUtilization(await getDb().network.findMany(), { over_threshold: true })).length;
  return { count, defaultThreshold: defaultUtilizationThreshold() };
}

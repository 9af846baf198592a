import "server-only";
import type { Tx } from "@/lib/db/client";
import { countNetworkHosts } from "@/lib/db/raw";
import type { Network } from "@/lib/generated/prisma/client";
import { defaultUtilizationThreshold } from "@/lib/services/networks/default-utilization-threshold";
import { loadAddressStates } from "@/lib/services/networks/load-address-states";
import { networkPrefix, networkRange } from "@/lib/services/serializers/network-prefix";
import { effectiveThreshold, isOverThreshold, networkUtilization } from "@/lib/services/serializers/network-utilization";

export interface UtilizationFilter {
  /** utilization ≥ this percent. */
  utilization_gte?: number;
  /** true: at or above the network's own threshold (else the default); false: below it. */
  over_threshold?: boolean;
}

export const hasUtilizationFilter = (f: UtilizationFilter) => f.utilization_gte != null || f.over_threshold != null;

/**
 * The rows whose utilization passes `filter`, in their order. Utilization is
 * computed, not stored, so no WHERE clause can say it (and an id list in one
 * would pass Prisma's 999 bound values on SQLite): every row is measured
 * with the count serializeNetworks uses (countNetworkHosts, batched) plus
 * the children of the containers among them (loadAddressStates, the one
 * reader of address states).
 */
export async function keepByUtilization(rows: Network[], filter: UtilizationFilter, tx?: Tx): Promise<Network[]> {
  if (!hasUtilizationFilter(filter)) return rows;
  const used = await countNetworkHosts(rows.map(networkRange), tx);
  const containers = rows.flatMap((row, i) => (row.status === "container" ? [i] : []));
  const states = await loadAddressStates(containers.map((i) => rows[i]), tx);
  const children = new Map(containers.map((i, j) => [i, states[j].children]));
  const defaultThreshold = defaultUtilizationThreshold();
  return rows.filter((row, i) => {
    const utilization = networkUtilization(networkPrefix(row), row.status, used[i], children.get(i) ?? []);
    if (filter.utilization_gte != null && utilization < filter.utilization_gte) return false;
    if (filter.over_threshold == null) return true;
    return isOverThreshold(utilization, effectiveThreshold(row.utilizationThreshold, defaultThreshold)) === filter.over_threshold;
  });
}

/** For streamed reads (exports): each batch keeps only its passing rows. */
export async function* batchesByUtilization(batches: AsyncIterable<Network[]>, filter: UtilizationFilter): AsyncGenerator<Network[]> {
  for await (const batch of batches) {
    const kept = await keepByUtilization(batch, filter);
    if (kept.length) yield kept;
  }
}

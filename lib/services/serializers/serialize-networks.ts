import "server-only";
import type { Tx } from "@/lib/db/client";
import { countNetworkHosts } from "@/lib/db/raw";
import type { Network } from "@/lib/generated/prisma/client";
import type { NetworkOut } from "@/lib/schemas/responses";
import { defaultUtilizationThreshold } from "@/lib/services/networks/default-utilization-threshold";
import { loadAddressStates } from "@/lib/services/networks/load-address-states";
import { serializeNetwork } from "@/lib/services/serializers/serialize-network";
import { networkRange } from "@/lib/services/serializers/network-prefix";

/**
 * Serializes many networks: used_hosts from ONE statement over the kept
 * counts (lib/db/raw/network-counts.ts) and the
 * address states from one batched load (lib/services/networks/load-address-states),
 * never a query per row.
 */
export async function serializeNetworks(rows: Network[], tx?: Tx): Promise<NetworkOut[]> {
  const used = await countNetworkHosts(rows.map(networkRange), tx);
  const states = await loadAddressStates(rows, tx);
  const defaultThreshold = defaultUtilizationThreshold();
  return rows.map((row, i) => serializeNetwork(row, used[i], states[i], defaultThreshold));
}

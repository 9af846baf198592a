import "server-only";
import type { Tx } from "@/lib/db/client";
import { countHostsInRanges } from "@/lib/db/raw";
import type { Network } from "@/lib/generated/prisma/client";
import type { NetworkOut } from "@/lib/schemas/responses";
import { loadAddressStates } from "@/lib/services/networks/load-address-states";
import { serializeNetwork } from "@/lib/services/serializers/serialize-network";
import { networkRange } from "@/lib/services/serializers/network-prefix";

/**
 * Serializes many networks: used_hosts from ONE grouped count query and the
 * address states from one batched load (lib/services/networks/load-address-states),
 * never a query per row.
 */
export async function serializeNetworks(rows: Network[], tx?: Tx): Promise<NetworkOut[]> {
  const used = await countHostsInRanges(rows.map(networkRange), tx);
  // The used counts double as the direct-host counts of networks without children.
  const states = await loadAddressStates(rows, tx, used);
  return rows.map((row, i) => serializeNetwork(row, used[i], states[i]));
}

import "server-only";
import type { Tx } from "@/lib/db/client";
import { countHostsInRanges } from "@/lib/db/raw";
import type { Network } from "@/lib/generated/prisma/client";
import type { NetworkOut } from "@/lib/schemas/responses";
import { serializeNetwork } from "@/lib/services/serializers/serialize-network";
import { networkRange } from "@/lib/services/serializers/network-prefix";

/** Serializes many networks with their used_hosts from ONE grouped count query, never one per row. */
export async function serializeNetworks(rows: Network[], tx?: Tx): Promise<NetworkOut[]> {
  const used = await countHostsInRanges(rows.map(networkRange), tx);
  return rows.map((row, i) => serializeNetwork(row, used[i]));
}

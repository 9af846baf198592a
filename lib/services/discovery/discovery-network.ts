import "server-only";
import type { Queryable } from "@/lib/db/raw";
import { AppError } from "@/lib/errors";
import type { Network } from "@/lib/generated/prisma/client";
import { addressCount, formatPrefix } from "@/lib/ipam";
import { MAX_DISCOVERY_ADDRESSES } from "@/lib/schemas/discovery";
import { loadNetwork } from "@/lib/services/networks/network-rules";
import { networkPrefix } from "@/lib/services/serializers/network-prefix";

/**
 * The network a change set is limited to (a scan's target, an upload's
 * ?network_id=). At most MAX_DISCOVERY_ADDRESSES addresses (an IPv4 /16, an
 * IPv6 /112): what one scan may probe and what one change set may list.
 */
export async function discoveryNetwork(q: Queryable, id: number): Promise<{ row: Network; prefix: string }> {
  const row = await loadNetwork(q, id);
  const prefix = networkPrefix(row);
  if (addressCount(prefix) > BigInt(MAX_DISCOVERY_ADDRESSES)) {
    const smallest = row.family === 4 ? "/16" : "/112";
    throw new AppError("validation_error", `Network ${formatPrefix(prefix)} is too large: discovery takes at most ${smallest} (65,536 addresses) at a time; choose a smaller network`, {
      network_id: [`At most ${smallest} (65,536 addresses)`],
    });
  }
  return { row, prefix: formatPrefix(prefix) };
}

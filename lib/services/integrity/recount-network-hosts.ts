import "server-only";
import { getDb } from "@/lib/db/client";
import { hostBlockDrift, networkCountDrift, recountHostBlocks, recountNetworkHosts } from "@/lib/db/raw";

export interface RecountResult {
  /** Networks that hold hosts, after the rebuild. */
  networks: number;
  /** Networks and address blocks whose kept counts differed from the hosts before the rebuild (0 when the triggers kept them right). */
  drifted: number;
}

/**
 * `npm run admin -- recount`: rebuilds network_counts and host_blocks (the
 * occupancy summary next-free uses) from the hosts, in one
 * transaction (the triggers keep it exact; this is the repair for a database
 * whose triggers were dropped by hand). Only the trusted admin CLI calls it:
 * it changes no object, so nothing goes into the change log.
 */
export async function recountNetworkHostCounts(): Promise<RecountResult> {
  return getDb().$transaction(async (tx) => {
    const drifted = (await networkCountDrift(tx)).length + (await hostBlockDrift(tx)).length;
    const networks = await recountNetworkHosts(tx);
    await recountHostBlocks(tx);
    return { networks, drifted };
  }, { maxWait: 60_000, timeout: 600_000 });
}

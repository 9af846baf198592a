import "server-only";
import { getDb } from "@/lib/db/client";
import { countHostsInRanges } from "@/lib/db/raw";
import { lastAddress, sortKeyRange, type Prefix } from "@/lib/ipam";
import type { HostOut, NetworkOut } from "@/lib/schemas/responses";
import { networkOrderBy } from "@/lib/services/networks/network-query";
import { serializeHost } from "@/lib/services/serializers/serialize-host";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";

export interface PrefixContents {
  /** The stored network that is exactly this prefix; when there is one, nothing else is read. */
  exact: NetworkOut | null;
  /** The innermost network holding the whole prefix. */
  containing: NetworkOut | null;
  /** Networks inside the prefix, in address order (the tree's), the first `limit`. */
  networks: NetworkOut[];
  networksTotal: number;
  /** Hosts inside the prefix in address order, the first `limit`. */
  hosts: HostOut[];
  hostsTotal: number;
}

/**
 * What a prefix holds and what holds it, by key ranges only: networks on
 * the (start_key, end_key) index, hosts on ip_key (their count from the
 * cached range counter, as every network's used_hosts). The caller authorizes.
 */
export async function prefixContents(prefix: Prefix, limit: number): Promise<PrefixContents> {
  const db = getDb();
  const { lo, hi } = sortKeyRange(prefix.family, prefix.network, lastAddress(prefix));
  const exact = await db.network.findFirst({ where: { startKey: lo, endKey: hi } });
  if (exact) {
    const [out] = await serializeNetworks([exact]);
    return { exact: out, containing: null, networks: [], networksTotal: 0, hosts: [], hostsTotal: 0 };
  }
  const inside = { startKey: { gte: lo }, endKey: { lte: hi } };
  const [containing, networkRows, networksTotal, hostRows, [hostsTotal]] = await Promise.all([
    // Networks nest or are disjoint: of those holding [lo, hi], the innermost starts last and, at equal starts, ends first.
    db.network.findFirst({ where: { startKey: { lte: lo }, endKey: { gte: hi } }, orderBy: [{ startKey: "desc" }, { endKey: "asc" }] }),
    db.network.findMany({ where: inside, orderBy: networkOrderBy({ field: "network", desc: false }), take: limit }),
    db.network.count({ where: inside }),
    db.host.findMany({ where: { ipKey: { gte: lo, lte: hi } }, orderBy: { ipKey: "asc" }, take: limit }),
    countHostsInRanges([{ lo, hi }]),
  ]);
  const outs = new Map((await serializeNetworks(containing ? [containing, ...networkRows] : networkRows)).map((n) => [n.id, n]));
  return {
    exact: null,
    containing: containing ? outs.get(containing.id)! : null,
    networks: networkRows.map((n) => outs.get(n.id)!),
    networksTotal,
    hosts: hostRows.map(serializeHost),
    hostsTotal: Number(hostsTotal),
  };
}

import "server-only";
import type { Db, Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NetworkListQuery } from "@/lib/schemas/list";
import type { NetworkOut, Page } from "@/lib/schemas/responses";
import { networkOrderBy } from "@/lib/services/networks/network-query";
import { keepByUtilization } from "@/lib/services/networks/utilization-filter";
import { clampPage, pageOf, skipTake } from "@/lib/services/page";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";

/**
 * GET /networks with utilization_gte or over_threshold: every network the
 * other filters leave is read in the list's order and measured
 * (keepByUtilization), then paged here by page number (no keyset cursor: the
 * set is computed, not indexed). 10,000 networks: about 0.5 s on SQLite once
 * the counts are cached (scratch measurement, issue 13 D).
 */
export async function listNetworksByUtilization(db: Db | Tx, where: Prisma.NetworkWhereInput, query: NetworkListQuery, tx?: Tx): Promise<Page<NetworkOut>> {
  const candidates = await db.network.findMany({ where, orderBy: networkOrderBy(query.sort) });
  const kept = await keepByUtilization(candidates, query, tx);
  const shown = clampPage(query, kept.length);
  const { skip, take } = skipTake(shown);
  return pageOf(await serializeNetworks(kept.slice(skip, skip + take), tx), kept.length, shown);
}

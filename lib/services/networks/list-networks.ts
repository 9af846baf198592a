import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import type { Network, Prisma } from "@/lib/generated/prisma/client";
import type { NetworkListQuery } from "@/lib/schemas/list";
import type { NetworkOut, Page } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { listNetworksByUtilization } from "@/lib/services/networks/list-networks-by-utilization";
import { networkWhere } from "@/lib/services/networks/network-query";
import { hasUtilizationFilter } from "@/lib/services/networks/utilization-filter";
import { pageOf } from "@/lib/services/page";
import { cachedCount } from "@/lib/services/paging/cached-count";
import { sortText } from "@/lib/services/paging/keyset";
import { networkOrder } from "@/lib/services/paging/network-order";
import { readListPage } from "@/lib/services/paging/read-list-page";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";

/** GET /networks: filtered, sorted, paged by page number or keyset cursor; used_hosts for the page in one grouped query. */
export async function listNetworks(actor: Actor, query: NetworkListQuery, tx?: Tx): Promise<Page<NetworkOut>> {
  authorize(actor, "viewer");
  const db = tx ?? getDb();
  const where = await networkWhere(db, query);
  if (hasUtilizationFilter(query)) return listNetworksByUtilization(db, where, query, tx);
  const cacheKey = tx ? null : `networks|${JSON.stringify(where)}`;
  const page = await readListPage({
    query,
    sort: sortText(query.sort),
    order: networkOrder(query.sort),
    count: () => cachedCount(cacheKey, () => db.network.count({ where })),
    read: ({ after, select, ...window }) =>
      db.network.findMany({ where: after ? { AND: [where, after as Prisma.NetworkWhereInput] } : where, ...window, ...(select ? { select } : {}) }) as Promise<Network[]>,
    cacheKey,
  });
  return pageOf(await serializeNetworks(page.rows, tx), page.total, page, page);
}

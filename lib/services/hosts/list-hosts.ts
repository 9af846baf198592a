import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { countAllHosts } from "@/lib/db/raw/count-all-hosts";
import { hostKeyAtRank } from "@/lib/db/raw/host-rank";
import type { Host, Prisma } from "@/lib/generated/prisma/client";
import type { HostListQuery } from "@/lib/schemas/list";
import type { HostOut, Page } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { hostWhere } from "@/lib/services/hosts/host-query";
import { pageOf } from "@/lib/services/page";
import { cachedCount } from "@/lib/services/paging/cached-count";
import { hostOrder } from "@/lib/services/paging/host-order";
import { keyOf, sortText } from "@/lib/services/paging/keyset";
import { readListPage } from "@/lib/services/paging/read-list-page";
import { serializeHost } from "@/lib/services/serializers/serialize-host";

/** GET /hosts: filtered, sorted (addresses numerically), paged by page number or keyset cursor (lib/services/paging). */
export async function listHosts(actor: Actor, query: HostListQuery, tx?: Tx): Promise<Page<HostOut>> {
  authorize(actor, "viewer");
  const db = tx ?? getDb();
  const where = await hostWhere(db, query);
  const unfiltered = Object.keys(where).length === 0;
  const cacheKey = tx ? null : `hosts|${JSON.stringify(where)}`;
  const order = hostOrder(query.sort);
  // Every host in address order: the occupancy summary finds a deep page's first key.
  const byAddress = unfiltered && query.sort.field === "ip_address";
  const page = await readListPage({
    query,
    sort: sortText(query.sort),
    order,
    count: () => (unfiltered ? countAllHosts(tx) : cachedCount(cacheKey, () => db.host.count({ where }))),
    read: ({ after, select, ...window }) =>
      db.host.findMany({ where: after ? { AND: [where, after as Prisma.HostWhereInput] } : where, ...window, ...(select ? { select } : {}) }) as Promise<Host[]>,
    cacheKey,
    keyAtRank: byAddress
      ? async (rank, total) => {
          const key = await hostKeyAtRank(query.sort.desc ? total - 1 - rank : rank, tx);
          return key === null ? null : keyOf({ ipKey: key }, order);
        }
      : undefined,
  });
  return pageOf(page.rows.map(serializeHost), page.total, page, page);
}

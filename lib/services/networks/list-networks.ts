import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import type { NetworkListQuery } from "@/lib/schemas/list";
import type { NetworkOut, Page } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { networkOrderBy, networkWhere } from "@/lib/services/networks/network-query";
import { pageOf, readPage } from "@/lib/services/page";
import { serializeNetworks } from "@/lib/services/serializers/serialize-networks";

/** GET /networks: filtered, sorted, paginated; used_hosts for the page in one grouped query. */
export async function listNetworks(actor: Actor, query: NetworkListQuery, tx?: Tx): Promise<Page<NetworkOut>> {
  authorize(actor, "viewer");
  const db = tx ?? getDb();
  const where = await networkWhere(db, query);
  const { rows, total, query: shown } = await readPage(
    query,
    () => db.network.count({ where }),
    (window) => db.network.findMany({ where, orderBy: networkOrderBy(query.sort), ...window }),
  );
  return pageOf(await serializeNetworks(rows, tx), total, shown);
}

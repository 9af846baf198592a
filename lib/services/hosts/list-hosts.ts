import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { countHostsInRanges } from "@/lib/db/raw";
import { EVERY_KEY } from "@/lib/ipam";
import type { HostListQuery } from "@/lib/schemas/list";
import type { HostOut, Page } from "@/lib/schemas/responses";
import { authorize } from "@/lib/services/authorize";
import { hostOrderBy, hostWhere } from "@/lib/services/hosts/host-query";
import { pageOf, readPage } from "@/lib/services/page";
import { serializeHost } from "@/lib/services/serializers/serialize-host";

/** GET /hosts: filtered, sorted (addresses numerically), paginated. */
export async function listHosts(actor: Actor, query: HostListQuery, tx?: Tx): Promise<Page<HostOut>> {
  authorize(actor, "viewer");
  const db = tx ?? getDb();
  const where = await hostWhere(db, query);
  const { rows, total, query: shown } = await readPage(
    query,
    // The unfiltered total over 1M rows is a 50 ms index count: take it from the cached range counter.
    () => (Object.keys(where).length === 0 ? countHostsInRanges([EVERY_KEY], tx).then(([n]) => Number(n)) : db.host.count({ where })),
    (window) => db.host.findMany({ where, orderBy: hostOrderBy(query.sort), ...window }),
  );
  return pageOf(rows.map(serializeHost), total, shown);
}

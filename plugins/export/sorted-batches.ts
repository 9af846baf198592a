import "server-only";
import type { Db } from "@/lib/db/client";
import { nullsSortLast } from "@/lib/db/raw/keyset-order";
import type { Host, Network, Prisma } from "@/lib/generated/prisma/client";
import type { HostListQuery, NetworkListQuery } from "@/lib/schemas/list";
import { hostOrderBy } from "@/lib/services/hosts/host-query";
import { networkOrderBy } from "@/lib/services/networks/network-query";
import { BATCH_SIZE, hostBatches, networkBatches } from "@/plugins/export/read-batches";

// The rows of a list in the list's own order (hostOrderBy / networkOrderBy,
// the same arguments GET /hosts and GET /networks page with), read as keyset
// pages: each page starts after the last row's sort tuple, so page N costs
// what page 1 does and the export holds one page at a time. NULL sits where
// the engine's ORDER BY puts it (lib/db/raw/keyset-order), as in the lists.

type Order = Record<string, "asc" | "desc">;
type Row = Record<string, unknown>;
type Where = Record<string, unknown>;

// The sortable columns that may hold NULL (Prisma refuses `column: null` on the others).
const NULLABLE = new Set(["hostname", "macAddress", "networkId", "lastSeen", "name", "domain", "vlanId", "location"]);

/** "Comes after `value`" for one column of the order; null when nothing can. */
function after(column: string, value: unknown, desc: boolean): Where | null {
  // Ascending, NULL is first unless the engine sorts it last; descending, the reverse.
  const nullFirst = desc ? nullsSortLast() : !nullsSortLast();
  if (value === null) return nullFirst ? { [column]: { not: null } } : null;
  const strict = { [column]: desc ? { lt: value } : { gt: value } };
  return nullFirst || !NULLABLE.has(column) ? strict : { OR: [strict, { [column]: null }] };
}

/** Rows strictly after `row` in the lexicographic `order` (its last columns are unique together). */
export function keysetAfter(order: readonly Order[], row: Row): Where {
  const branches: Where[] = [];
  const equal: Where[] = [];
  for (const o of order) {
    const [column, dir] = Object.entries(o)[0];
    const value = row[column] ?? null;
    const next = after(column, value, dir === "desc");
    if (next) branches.push(equal.length ? { AND: [...equal, next] } : next);
    equal.push({ [column]: value });
  }
  return { OR: branches };
}

async function* keysetPages<R extends Row>(order: readonly Order[], where: Where, fetch: (where: Where) => Promise<R[]>, size: number): AsyncGenerator<R[]> {
  let last: R | null = null;
  for (;;) {
    const rows: R[] = await fetch(last === null ? where : { AND: [where, keysetAfter(order, last)] });
    if (rows.length) yield rows;
    if (rows.length < size) return;
    last = rows[rows.length - 1];
  }
}

/** Hosts in `sort` order; the default (address, ascending) is the plain ip_key keyset. */
export function sortedHostBatches(db: Db, where: Prisma.HostWhereInput, sort: HostListQuery["sort"], size = BATCH_SIZE): AsyncGenerator<Host[]> {
  if (sort.field === "ip_address" && !sort.desc) return hostBatches(db, where, size);
  const orderBy = hostOrderBy(sort);
  return keysetPages(orderBy as Order[], where, (w) => db.host.findMany({ where: w as Prisma.HostWhereInput, orderBy, take: size }), size);
}

/** Networks in `sort` order; the default (address, then prefix length) is the plain keyset. */
export function sortedNetworkBatches(db: Db, where: Prisma.NetworkWhereInput, sort: NetworkListQuery["sort"], size = BATCH_SIZE): AsyncGenerator<Network[]> {
  if ((sort.field === "network" || sort.field === "prefix") && !sort.desc) return networkBatches(db, where, size);
  const orderBy = networkOrderBy(sort);
  return keysetPages(orderBy as Order[], where, (w) => db.network.findMany({ where: w as Prisma.NetworkWhereInput, orderBy, take: size }), size);
}

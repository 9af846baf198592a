import { formatPrefix, sortKey, tryParseAddress, tryParsePrefix } from "@/lib/ipam";
import { containsFilter, idsContaining, type Queryable } from "@/lib/db/raw";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NetworkListQuery } from "@/lib/schemas/list";
import { orderByOf } from "@/lib/services/paging/keyset";
import { networkOrder } from "@/lib/services/paging/network-order";

// Filters and sort of GET /networks as Prisma arguments. Address order is the
// start_key column (numeric, IPv4 before IPv6), never the text.

export async function networkWhere(db: Queryable, query: Partial<Omit<NetworkListQuery, "page" | "per_page" | "sort">>): Promise<Prisma.NetworkWhereInput> {
  const where: Prisma.NetworkWhereInput = {};
  const and: Prisma.NetworkWhereInput[] = [];
  // name, domain and location: "Berlin" finds "Berlin HQ" (the q= rule, per column).
  for (const column of ["name", "domain", "location"] as const) {
    const text = query[column];
    if (text != null) and.push(await networkColumnContains(db, column, text));
  }
  if (query.vlan_id != null) where.vlanId = query.vlan_id;
  if (query.family != null) where.family = query.family;
  if (query.parent_id !== undefined) where.parentId = query.parent_id;
  if (query.q) and.push({ OR: await networkTextMatch(db, query.q) });
  if (and.length) where.AND = and;
  return where;
}

/** `column` contains `text` by the one match rule of both engines (lib/db/raw/text-search). */
async function networkColumnContains(db: Queryable, column: "name" | "domain" | "location", text: string): Promise<Prisma.NetworkWhereInput> {
  const contains = containsFilter(text);
  return contains ? { [column]: contains } : { id: { in: await idsContaining(db, "networks", text, [column]) } };
}

/**
 * q=: text in any searchable column, and a prefix finds that network. An
 * address finds every network containing it instead, listed in the chosen
 * sort (the default address order shows them outermost first, the tree's
 * order), not networks whose text merely starts like it (10.0.0.1 is not
 * in 10.0.0.16/28).
 */
async function networkTextMatch(db: Queryable, q: string): Promise<Prisma.NetworkWhereInput[]> {
  // Stored addresses are canonical: "2001:DB8:0::5" finds 2001:db8::/48 too.
  const address = tryParseAddress(q);
  if (address) {
    const key = sortKey(address);
    // start_key ≤ key ≤ end_key: a range scan of the (start_key, end_key) index.
    return [{ startKey: { lte: key }, endKey: { gte: key } }];
  }
  const prefix = tryParsePrefix(q);
  const contains = containsFilter(q);
  return [
    ...(contains
      ? [{ name: contains }, { network: contains }, { description: contains }, { domain: contains }, { location: contains }]
      : [{ id: { in: await idsContaining(db, "networks", q) } }]),
    ...(prefix ? [{ network: formatPrefix(prefix).split("/")[0], cidr: prefix.length }] : []),
  ];
}

/** The chosen column first, then address order so pages are stable (lib/services/paging/network-order: the cursors' order too). */
export function networkOrderBy(sort: NetworkListQuery["sort"]): Prisma.NetworkOrderByWithRelationInput[] {
  return orderByOf(networkOrder(sort)) as Prisma.NetworkOrderByWithRelationInput[];
}

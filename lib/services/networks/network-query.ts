import { formatAddress, formatPrefix, tryParseAddress, tryParsePrefix } from "@/lib/ipam";
import { containsFilter, idsContaining, type Queryable } from "@/lib/db/raw";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NetworkListQuery, NetworkSortField } from "@/lib/schemas/list";

// Filters and sort of GET /networks as Prisma arguments. Address order is the
// start_key column (numeric, IPv4 before IPv6), never the text.

export async function networkWhere(db: Queryable, query: Omit<NetworkListQuery, "page" | "per_page" | "sort">): Promise<Prisma.NetworkWhereInput> {
  const where: Prisma.NetworkWhereInput = {};
  if (query.name != null) where.name = query.name;
  if (query.domain != null) where.domain = query.domain;
  if (query.vlan_id != null) where.vlanId = query.vlan_id;
  if (query.location != null) where.location = query.location;
  if (query.family != null) where.family = query.family;
  if (query.parent_id !== undefined) where.parentId = query.parent_id;
  if (query.q) {
    // One match rule on both engines (lib/db/raw/text-search).
    const contains = containsFilter(query.q);
    const prefix = tryParsePrefix(query.q);
    // Stored addresses are canonical: "2001:DB8:0::" finds 2001:db8::/48 too.
    const address = tryParseAddress(query.q);
    where.OR = [
      ...(contains
        ? [{ name: contains }, { network: contains }, { description: contains }, { domain: contains }, { location: contains }]
        : [{ id: { in: await idsContaining(db, "networks", query.q) } }]),
      ...(prefix ? [{ network: formatPrefix(prefix).split("/")[0], cidr: prefix.length }] : []),
      ...(address ? [{ network: formatAddress(address) }] : []),
    ];
  }
  return where;
}

const SORT_COLUMN: Record<NetworkSortField, keyof Prisma.NetworkOrderByWithRelationInput> = {
  network: "startKey", prefix: "startKey", cidr: "cidr", name: "name", domain: "domain", vlan_id: "vlanId",
  location: "location", family: "family", id: "id", created_at: "createdAt", updated_at: "updatedAt",
};

/** The chosen column first, then address order so pages are stable. */
export function networkOrderBy(sort: NetworkListQuery["sort"]): Prisma.NetworkOrderByWithRelationInput[] {
  const dir = sort.desc ? "desc" : "asc";
  const column = SORT_COLUMN[sort.field];
  const order: Prisma.NetworkOrderByWithRelationInput[] = [{ [column]: dir }];
  if (column === "startKey") order.push({ cidr: dir });
  else order.push({ startKey: "asc" }, { cidr: "asc" });
  order.push({ id: "asc" });
  return order;
}

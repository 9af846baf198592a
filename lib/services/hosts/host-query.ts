import { containsFilter, idsContaining, type Queryable } from "@/lib/db/raw";
import { sortKey, tryParseAddress } from "@/lib/ipam";
import { normalizeMac } from "@/lib/schemas/fields";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { HostListQuery } from "@/lib/schemas/list";
import { hostOrder } from "@/lib/services/paging/host-order";
import { orderByOf } from "@/lib/services/paging/keyset";

// Filters and sort of GET /hosts as Prisma arguments. Address order is the
// ip_key column (numeric, IPv4 before IPv6), never the text.

export async function hostWhere(db: Queryable, query: Partial<Omit<HostListQuery, "page" | "per_page" | "sort">>): Promise<Prisma.HostWhereInput> {
  const where: Prisma.HostWhereInput = {};
  const and: Prisma.HostWhereInput[] = [];
  if (query.status != null) where.status = query.status;
  if (query.mac_address != null) where.macAddress = query.mac_address;
  if (query.network_id !== undefined) where.networkId = query.network_id;
  if (query.family != null) where.family = query.family;
  if (query.hostname != null) {
    // "db" finds db01 and old-db: the q= rule (lib/db/raw/text-search) on one column.
    const contains = containsFilter(query.hostname);
    and.push(contains ? { hostname: contains } : { id: { in: await idsContaining(db, "hosts", query.hostname, ["hostname"]) } });
  }
  if (query.cname) {
    // cname holds "a,b,c": match one whole alias.
    const a = query.cname;
    and.push({ OR: [{ cname: a }, { cname: { startsWith: `${a},` } }, { cname: { endsWith: `,${a}` } }, { cname: { contains: `,${a},` } }] });
  }
  if (query.q) {
    // One match rule on both engines (lib/db/raw/text-search).
    const q = query.q;
    const contains = containsFilter(q);
    const text: Prisma.HostWhereInput[] = contains
      ? [{ hostname: contains }, { ipAddress: contains }, { macAddress: contains }, { description: contains }, { cname: contains }]
      : [{ id: { in: await idsContaining(db, "hosts", q) } }];
    and.push({ OR: [...text, ...otherSpellings(q)] });
  }
  if (and.length) where.AND = and;
  return where;
}

/**
 * Addresses and MACs are stored in one canonical spelling; a search typed in
 * another ("2001:DB8:0::5", "AA-BB-CC", "aabb.ccdd.eeff") matches it too.
 */
function otherSpellings(q: string): Prisma.HostWhereInput[] {
  const out: Prisma.HostWhereInput[] = [];
  const address = tryParseAddress(q);
  if (address) out.push({ ipKey: sortKey(address) });
  try {
    out.push({ macAddress: normalizeMac(q) });
  } catch {
    // Part of a MAC written with dashes: "AA-BB-CC" → "aa:bb:cc".
    if (/^[0-9a-f]{2}(?:-[0-9a-f]{2})+$/i.test(q)) out.push({ macAddress: { contains: q.replaceAll("-", ":").toLowerCase() } });
  }
  return out;
}

/** The chosen column first, then address order so pages are stable (lib/services/paging/host-order: the cursors' order too). */
export function hostOrderBy(sort: HostListQuery["sort"]): Prisma.HostOrderByWithRelationInput[] {
  return orderByOf(hostOrder(sort)) as Prisma.HostOrderByWithRelationInput[];
}

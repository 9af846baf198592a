import { fromSortKey, makePrefix, type Prefix } from "@/lib/ipam";
import type { Network } from "@/lib/generated/prisma/client";
import type { KeyRange } from "@/lib/db/raw";

/** The stored network as a lib/ipam Prefix. */
export function networkPrefix(row: Pick<Network, "startKey" | "cidr">): Prefix {
  const start = fromSortKey(row.startKey);
  return makePrefix(start.family, start.value, row.cidr);
}

export function networkRange(row: Pick<Network, "startKey" | "endKey">): KeyRange {
  return { lo: row.startKey, hi: row.endKey };
}

import { fromSortKey, makePrefix, type Prefix, type Range } from "@/lib/ipam";
import { dhcpPool } from "@/lib/schemas/network-rules";
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

/** The stored network's DHCP pool as a range of address values, or null. */
export function networkPool(row: Pick<Network, "dhcpStart" | "dhcpEnd">): Range | null {
  return dhcpPool({ dhcp_start: row.dhcpStart, dhcp_end: row.dhcpEnd });
}

// What the dnsmasq renderer reads: stored rows (Prisma's column names), so
// the exporter can pass database rows through and tests can build fixtures
// in memory. Nothing here is trusted: every field is re-checked on output.

import type { DnsmasqHostRow } from "@/lib/db/raw/dnsmasq-export";

export type DnsmasqMode = "dns" | "dhcp" | "combined";

export interface NetworkRecord {
  id: number;
  network: string;
  cidr: number;
  family: number;
  domain: string | null;
  gateway: string | null;
  dhcpStart: string | null;
  dhcpEnd: string | null;
}

/** A host as the renderer reads it: the export's row without its sort key. */
export type HostRecord = Omit<DnsmasqHostRow, "ipKey">;

export interface DnsmasqSource {
  /** Every network a host may belong to (for its domain), in address order. */
  networks: NetworkRecord[];
  /** Ids of the networks whose own lines (domain, dhcp-range, router) are wanted; all when omitted. */
  networkIds?: ReadonlySet<number>;
  /**
   * Hosts in address order, in batches. Called twice: the first pass learns
   * every published name (a cname may not shadow one that comes later) and
   * the counts for the header; the second writes.
   */
  hosts(): AsyncIterable<HostRecord[]>;
}

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
   * Hosts in address order, in batches: ONE read (a renderer calls it once).
   * May leave out hosts that can get no records (not active or reserved, or
   * without a hostname): every renderer passes over them (planHost answers null).
   * `thenById`: the read's snapshot stays open for hostsById until release().
   */
  hosts(thenById?: boolean): AsyncIterable<HostRecord[]>;
  /**
   * The hosts with these ids as the read saw them (the same snapshot when
   * the source has one). The one-pass renderers re-read the few hosts whose
   * names another host may share (plugins/export/host-pass.ts).
   */
  hostsById(ids: readonly number[]): Promise<HostRecord[]>;
  /**
   * No two hosts of one family have the same MAC text (the database's unique
   * index guarantees it), so the renderers need not remember who has which.
   */
  uniqueMacs?: boolean;
  /** Ends a read made with hosts(true). */
  release?(): Promise<void>;
}

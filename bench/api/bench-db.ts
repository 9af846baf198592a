// What the API benchmark needs from a seeded database, on either engine:
// networks and tokens written straight through the driver, the raw reads the
// app's figures are compared against (bench/api/raw-baselines.ts), and a
// raw bulk insert of the hosts the import writes (rolled back: the import's
// baseline). The hosts themselves go in through the app (bench/api/dataset.ts).

import type { Family } from "../../lib/ipam";

export type BenchEngine = "sqlite" | "postgresql";

/** One host as the benchmark's users have them: an address, a name and a MAC. */
export interface SeedHost { family: Family; address: string; key: string; hostname: string; mac: string }

/** Raw reads of hosts' sort keys (inclusive ranges), straight from the driver: what the app's answers are compared against. */
export interface RawReads {
  /** Up to `limit` keys in [lo, hi], ascending. */
  keys(lo: string, hi: string, limit: number): Promise<string[]>;
  /** COUNT(*) and MAX(ip_key) over [lo, hi] in one statement. */
  countMax(lo: string, hi: string): Promise<{ count: number; max: string | null }>;
  /** The first stored key in [lo, hi] whose successor is not stored, in one statement (a window over the index); PostgreSQL only. */
  leadGap?(lo: string, hi: string): Promise<string | null>;
}

export interface BenchDb {
  engine: BenchEngine;
  /** The DATABASE_URL the servers get (a PostgreSQL URL carries no password here: trust auth or the caller's own). */
  url: string;
  addNetwork(first: bigint, cidr: number, name: string, family?: Family): Promise<number>;
  /** Hosts first, first+1, … (count of them) in network `networkId`, skipping `skip` (IPv4, no names: other suites' bulk). */
  addHosts(networkId: number, first: bigint, count: number, skip?: bigint[]): Promise<void>;
  /** An editor API token, stored hashed as createApiToken stores it. */
  addToken(): Promise<string>;
  raw: RawReads;
  /** Ms to insert these hosts and their name rows the fastest raw way (SQLite: the faster of two), in one transaction that is then rolled back. */
  rawInsertHosts(networkId: number, hosts: readonly SeedHost[]): Promise<number>;
  /** Another database of the same engine, empty and not migrated (what `restore` is given). */
  createEmpty(): Promise<{ url: string; drop(): Promise<void> }>;
  /** PostgreSQL: connections the app instances hold right now (to check DATABASE_POOL_SIZE per instance). */
  appConnections?(): Promise<number>;
  close(): Promise<void>;
}

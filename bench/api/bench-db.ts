// What the API benchmark needs from a seeded database, on either engine: the
// same dataset written straight through the driver (1,000,000 hosts in
// seconds, not the minutes the API would take), and the raw index scan the
// next-ip figure is compared against.

export type BenchEngine = "sqlite" | "postgresql";

export interface BenchDb {
  engine: BenchEngine;
  /** The DATABASE_URL the servers get (a PostgreSQL URL carries no password here: trust auth or the caller's own). */
  url: string;
  addNetwork(first: bigint, cidr: number, name: string): Promise<number>;
  /** Hosts first, first+1, … (count of them) in network `networkId`, skipping `skip`. */
  addHosts(networkId: number, first: bigint, count: number, skip?: bigint[]): Promise<void>;
  /** An editor API token, stored hashed as createApiToken stores it. */
  addToken(): Promise<string>;
  /** Median ms to read every key in [first, last] in keyset batches of 5000, straight from the driver. */
  rawScan(first: bigint, last: bigint): Promise<number>;
  /** Another database of the same engine, empty and not migrated (what `restore` is given). */
  createEmpty(): Promise<{ url: string; drop(): Promise<void> }>;
  /** PostgreSQL: connections the app instances hold right now (to check DATABASE_POOL_SIZE per instance). */
  appConnections?(): Promise<number>;
  close(): Promise<void>;
}

/** Key order of the whole range in batches: the same statement on both engines ($n placeholders on PostgreSQL). */
export const KEYSET_BATCH = 5000;

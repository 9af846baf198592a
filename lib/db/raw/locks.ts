import "server-only";
import { dbEngine, type Tx } from "@/lib/db/client";

// Per-network serialization of writes that search and then insert
// (allocation, subnets, the overlap and containment checks).
//
// PostgreSQL: a transaction-scoped advisory lock per network, taken inside
// the interactive transaction and released by its COMMIT or ROLLBACK (also
// when the instance dies: the server drops the session). Writes in two
// different networks hold different keys and run in parallel. Under READ
// COMMITTED every statement after the lock sees everything committed before
// it was granted.
//
// SQLite: nothing to do. Every write transaction already holds the whole
// database's write lock from its first statement (BEGIN IMMEDIATE,
// lib/db/sqlite-immediate.ts), across processes.

/** The two-int key space (classid, objid) is apart from the migration runner's one-bigint key. */
const NETWORK_LOCK_CLASS = 0x6970616d; // "ipam"

/** A network's id, or networkRootLock(family) for writes no network encloses. */
export type NetworkLockKey = number;

/** The key of "no enclosing network" in one address family: top-level network writes and hosts outside every network. */
export function networkRootLock(family: number): NetworkLockKey {
  return -family;
}

/** Whether lockNetworks takes locks at all on this engine (callers skip the work of finding keys when not). */
export function takesNetworkLocks(): boolean {
  return dbEngine() === "postgresql";
}

/**
 * Waits for and holds, until the transaction ends, the lock of each network
 * in `keys`. Always in ascending key order, so two transactions asking for
 * overlapping sets cannot each hold what the other waits for. Re-entrant:
 * asking again for a key this transaction holds returns at once.
 *
 * `$executeRaw`, not `$queryRaw`: Prisma 7's pg adapter cannot read the
 * `void` the function returns.
 */
export async function lockNetworks(tx: Tx, keys: Iterable<NetworkLockKey>): Promise<void> {
  if (!takesNetworkLocks()) return;
  const sorted = [...new Set(keys)].sort((a, b) => a - b);
  for (const key of sorted) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${NETWORK_LOCK_CLASS}::int, ${key}::int)`;
}

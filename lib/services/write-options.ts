import "server-only";
import { getDb, type Tx } from "@/lib/db/client";

export interface WriteOptions {
  /** Run inside the caller's transaction (an importer writing many rows at once). */
  tx?: Tx;
  /**
   * Skip re-deriving parent_id / hosts.network_id after a network write. The
   * caller must call recomputeNetworkTree(tx) before committing.
   */
  deferDerived?: boolean;
}

// Prisma's defaults (2 s to start, 5 s to run) are too short when 200
// allocations queue for SQLite's single writer.
const TRANSACTION_LIMITS = { maxWait: 60_000, timeout: 60_000 };

/** Runs `fn` in the caller's transaction, or in a new one: a rejected call changes nothing. */
export function inWriteTransaction<T>(tx: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return tx ? fn(tx) : getDb().$transaction(fn, TRANSACTION_LIMITS);
}

import "server-only";
import { getDb, type Tx } from "@/lib/db/client";
import { isTransientWriteError } from "@/lib/services/ip/retryable";
import { startRecordingChanges, type ChangeAuthor, type ChangeRecorder } from "@/lib/services/changes/record-changes";

export interface WriteOptions {
  /** Run inside the caller's transaction (an importer writing many rows at once). */
  tx?: Tx;
  /**
   * Skip re-deriving parent_id / hosts.network_id after a network write. The
   * caller must call recomputeNetworkTree(tx) before committing.
   */
  deferDerived?: boolean;
}

/**
 * A deleted row written again under its old id and creation time: the revert
 * of its deletion (lib/services/changes/apply-inverse.ts). Every rule of the
 * create still applies; only the id and created_at are given.
 */
export interface Recreate {
  id: number;
  createdAt: Date;
}

/** createHost / createNetwork: WriteOptions, and `recreate` for a revert. */
export interface CreateOptions extends WriteOptions {
  recreate?: Recreate;
}

// Prisma's defaults (2 s to start, 5 s to run) are too short when 200
// allocations queue for SQLite's single writer.
const TRANSACTION_LIMITS = { maxWait: 60_000, timeout: 60_000 };

/** Runs of a transaction that met another writer's lock before the error is the caller's. */
export const WRITE_ATTEMPTS = 8;

/** A short random pause, growing with the attempt, so two writers that collided do not collide again in step. */
export function backoff(attempt: number): Promise<void> {
  const ms = Math.min(200, 5 * 2 ** attempt) * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `fn` in the caller's transaction, or in a new one: a rejected call
 * changes nothing. A new one records its changes (recordChanges, as `author`)
 * before it commits; in a caller's transaction, the caller's does. A new one is run again from the start when it met another
 * writer (isTransientWriteError: SQLite still busy after its busy timeout —
 * another server or the admin CLI on the same file —, a PostgreSQL deadlock
 * between network locks). Inside a caller's transaction the caller decides.
 */
export async function inWriteTransaction<T>(author: ChangeAuthor, tx: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (tx) return fn(tx);
  return inRecordingTransaction(async (own, changes) => {
    const result = await fn(own);
    await changes.record(author);
    return result;
  });
}

/**
 * A new write transaction whose `fn` records its own changes with the
 * recorder it is given (a batch of allocations records each caller's hosts
 * as that caller's), run again from the start on a transient error as
 * inWriteTransaction's are.
 */
export async function inRecordingTransaction<T>(fn: (tx: Tx, changes: ChangeRecorder) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await getDb().$transaction(async (own) => fn(own, await startRecordingChanges(own)), TRANSACTION_LIMITS);
    } catch (error) {
      if (attempt >= WRITE_ATTEMPTS || !isTransientWriteError(error)) throw error;
      await backoff(attempt);
    }
  }
}

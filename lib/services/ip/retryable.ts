// Which failed writes are safe to run again from the start of their
// transaction. Errors arrive wrapped (Prisma's P2010 around the driver's
// error, the host writer's 409 with the driver's error as `cause`), so every
// test looks at the code, the message and the adapter's original error, and
// then at `cause`.

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } };
}

function matches(error: unknown, test: (e: ErrorLike, original: unknown, text: string) => boolean): boolean {
  for (let e = error as ErrorLike | null | undefined, depth = 0; e && depth < 5; e = e.cause as ErrorLike, depth++) {
    const adapter = e.meta?.driverAdapterError?.cause;
    if (test(e, adapter?.originalCode ?? adapter?.kind, String(e.message ?? ""))) return true;
    if (e.cause === e) break;
  }
  return false;
}

/**
 * Another writer held the database for a moment: SQLite's write lock held by
 * another process past the busy timeout (the better-sqlite3 adapter reports
 * SQLITE_BUSY as P1008 "Operation has timed out"), or PostgreSQL aborting one
 * of two transactions that wait on each other (deadlock 40P01,
 * serialization failure 40001; Prisma's P2034). Nothing of the transaction
 * was committed: running it again is safe.
 */
export function isTransientWriteError(error: unknown): boolean {
  return matches(error, (e, original, text) =>
    e.code === "P1008" || e.code === "P2034" || original === "40001" || original === "40P01" ||
    original === "TransactionWriteConflict" || e.code === "40001" || e.code === "40P01" ||
    /SQLITE_BUSY|database is locked|deadlock detected|could not serialize access/i.test(text));
}

/**
 * Another writer stored the same address (or MAC, or name) between our
 * checks and our insert: the unique index refused ours. SQLite says
 * "UNIQUE constraint failed"; PostgreSQL 23505 "duplicate key value violates
 * unique constraint"; a model write says P2002.
 */
export function isUniqueViolation(error: unknown): boolean {
  return matches(error, (e, original, text) =>
    e.code === "P2002" || e.code === "23505" || original === "23505" || original === "UniqueConstraintViolation" ||
    /UNIQUE constraint failed|duplicate key value violates unique constraint/i.test(text));
}

/**
 * A write that lost a race (unique index) or met another writer's lock: an
 * allocation searches again. Other writes only re-run on transient errors
 * (inWriteTransaction): re-checking a lost unique race gives the same 409.
 */
export function isRetryableWriteError(error: unknown): boolean {
  return isTransientWriteError(error) || isUniqueViolation(error);
}

import "server-only";
import { dbEngine, type Tx } from "@/lib/db/client";

// "Keep at least one active admin" is a rule over many rows: two admins
// demoting each other at the same moment each see the other still an admin
// and both commit, leaving none. Every write that can take away an active
// admin holds this lock from before its count until its commit.
//
// PostgreSQL: one transaction-scoped advisory lock (released by COMMIT or
// ROLLBACK). Under READ COMMITTED the count that follows the lock sees every
// change committed before it was granted.
// SQLite: nothing to do; a write transaction holds the database's write lock
// from its first statement (BEGIN IMMEDIATE, lib/db/sqlite-immediate.ts).

/** Apart from the network locks' class ("ipam") and the migration runner's one-bigint key. */
const ADMIN_LOCK_CLASS = 0x75736572; // "user"

/** Waits for and holds, until the transaction ends, the lock on changes to the set of active admins. */
export async function lockAdminChanges(tx: Tx): Promise<void> {
  if (dbEngine() !== "postgresql") return;
  // $executeRaw: Prisma 7's pg adapter cannot read the void the function returns.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_LOCK_CLASS}::int, 0)`;
}

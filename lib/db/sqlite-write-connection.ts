import type Database from "better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { checkpointInBackground } from "./sqlite-checkpointer";

// The write connection Prisma's better-sqlite3 adapter opens, tuned for the
// allocation hot path (issue 15.3; docs/database.md "Durability"):
//
// - synchronous = NORMAL. The file is in WAL mode (lib/db/migrate.ts), where
//   NORMAL syncs the WAL at checkpoints instead of at every commit: a commit
//   costs ~0.03 ms instead of ~0.7 ms (one fsync) on this machine. A crash of
//   the app loses nothing; a power loss or kernel crash can lose the last
//   commits before the next checkpoint, but never corrupts the database.
// - journal_size_limit = 64 MiB. Under a steady write load the WAL can only
//   start over once no reader is inside it, and SQLite never shrinks the
//   file by itself: it grew to 186 MB under continuous allocations. With the
//   limit, a checkpoint that resets it truncates it back to 64 MiB.
// - temp_store = MEMORY. A statement that fires triggers (every insert of a
//   host: the counts, the change capture) keeps a statement journal, and
//   SQLite spills it to a file in /var/tmp past 64 KiB: an allocation batch
//   of 8 created and deleted one (369 files for 3,000 allocations, strace).
//   In memory: 1,546-1,653 -> 1,736-1,770 allocations/s in-process.
// - Checkpoints run on a worker thread (./sqlite-checkpointer.ts), not in
//   the commit that fills the WAL.
// - Each SQL text is prepared once. The adapter prepares every query again
//   (`client.prepare(sql).bind(args)`), a fifth of a short statement's cost;
//   a bound statement cannot be bound again, so the adapter gets a thin
//   stand-in that passes the arguments on each run instead. The adapter only
//   uses run(), columns() and raw().all(), all synchronous, so one cached
//   statement is never in use twice at once.

const WAL_SIZE_LIMIT = 64 * 1024 * 1024;

/** Distinct SQL texts kept; Prisma's are a few hundred, IN lists of varying length add more. */
const MAX_CACHED = 500;

type Args = unknown[];

interface BoundStandIn {
  readonly reader: boolean;
  run(): Database.RunResult;
  columns(): Database.ColumnDefinition[];
  raw(): { all(): unknown[] };
}

interface StandIn extends BoundStandIn {
  bind(args: Args): BoundStandIn;
}

function standIn(stmt: Database.Statement, args: Args): StandIn {
  return {
    reader: stmt.reader,
    bind: (bound) => standIn(stmt, bound),
    run: () => stmt.run(...args),
    columns: () => stmt.columns(),
    raw: () => ({ all: () => stmt.raw(true).all(...args) }),
  };
}

function cacheStatements(db: Database.Database): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Database.Statement>();
  db.prepare = ((sql: string) => {
    let stmt = cache.get(sql);
    if (!stmt) {
      if (cache.size >= MAX_CACHED) cache.clear();
      stmt = prepare(sql);
      cache.set(sql, stmt);
    }
    return standIn(stmt, []);
  }) as unknown as Database.Database["prepare"];
}

/** The adapter keeps its better-sqlite3 handle as `client` (adapter-better-sqlite3 7.x). */
function clientOf(adapter: SqlDriverAdapter): Database.Database {
  const client = (adapter as unknown as { client?: Database.Database }).client;
  if (!client || typeof client.prepare !== "function" || typeof client.pragma !== "function") {
    throw new Error("@prisma/adapter-better-sqlite3 no longer exposes its connection as `client`: update lib/db/sqlite-write-connection.ts");
  }
  return client;
}

export function tunedSqliteFactory(inner: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      const adapter = await inner.connect();
      const db = clientOf(adapter);
      db.pragma("synchronous = NORMAL");
      db.pragma("temp_store = MEMORY");
      db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
      cacheStatements(db);
      const checkpointer = checkpointInBackground(db);
      if (checkpointer) {
        const dispose = adapter.dispose.bind(adapter);
        adapter.dispose = async () => {
          await checkpointer.stop();
          await dispose();
        };
      }
      return adapter;
    },
  };
}

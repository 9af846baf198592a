import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { loadEnv } from "@/lib/env";

// One pg pool per process: Prisma's PostgreSQL adapter runs on it, and so do
// the raw reads of lib/db/raw (read-connection), which skip Prisma's per-row
// mapping. DATABASE_POOL_SIZE bounds the connections per instance.

const globalForPool = globalThis as unknown as { ipamPgPool?: pg.Pool };

/** A lost or unreachable server fails the request (503) after 5 s instead of hanging it. */
class BoundedConnectClient extends pg.Client {
  constructor(config: pg.ClientConfig = {}) {
    super({ ...config, connectionTimeoutMillis: 5_000 });
  }
}

// Int8 (counts, sums) as JS numbers would silently round past 2^53; as text
// they are parsed by the caller (Number() or BigInt()) like SQLite's bigints.

export function pgPool(): pg.Pool {
  if (!globalForPool.ipamPgPool) {
    const env = loadEnv();
    const pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_SIZE,
      // pg-pool uses this both for a queued checkout and for opening a
      // connection. A queue of 200 allocations for 10 connections can
      // rightly wait longer than a dead server may take to refuse, so the
      // queue waits as long as a transaction may (maxWait, write-options)
      // and opening a connection is bounded by the client below.
      connectionTimeoutMillis: 60_000,
      Client: BoundedConnectClient,
      query_timeout: 120_000,
      // Server side: a lock (a network lock behind a stuck writer) is not
      // waited for longer than a request may take: 55P03, answered 503.
      lock_timeout: 60_000,
      // An instance frozen mid-transaction (not killed: the server would
      // notice the closed socket) gives its network locks back after this.
      idle_in_transaction_session_timeout: 60_000,
      keepAlive: true,
      // pg-pool closes a connection idle for 10 s: after a quiet spell (a
      // long import in another process, a night) the next request paid for
      // opening new ones (a first GET /networks/{id} right after seeding from
      // another process: 58-61 ms, 45 ms with these). Two stay open; the
      // process may still exit with only idle ones left (a CLI command that
      // forgot to close the pool).
      min: Math.min(2, env.DATABASE_POOL_SIZE),
      allowExitOnIdle: true,
      application_name: "ipam",
    });
    // An idle connection dropped by the server must not crash the process;
    // the next checkout reconnects.
    pool.on("error", () => {});
    globalForPool.ipamPgPool = pool;
  }
  return globalForPool.ipamPgPool;
}

export function pgAdapterFactory(): PrismaPg {
  return new PrismaPg(pgPool());
}

export async function closePgPool(): Promise<void> {
  const pool = globalForPool.ipamPgPool;
  globalForPool.ipamPgPool = undefined;
  await pool?.end();
}

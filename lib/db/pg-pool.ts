import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { loadEnv } from "@/lib/env";

// One pg pool per process: Prisma's PostgreSQL adapter runs on it, and so do
// the raw reads of lib/db/raw (read-connection), which skip Prisma's per-row
// mapping. DATABASE_POOL_SIZE bounds the connections per instance.

const globalForPool = globalThis as unknown as { ipamPgPool?: pg.Pool };

// Int8 (counts, sums) as JS numbers would silently round past 2^53; as text
// they are parsed by the caller (Number() or BigInt()) like SQLite's bigints.

export function pgPool(): pg.Pool {
  if (!globalForPool.ipamPgPool) {
    const env = loadEnv();
    const pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_SIZE,
      // A lost or unreachable server fails the request (503) instead of hanging it.
      connectionTimeoutMillis: 5_000,
      query_timeout: 120_000,
      keepAlive: true,
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

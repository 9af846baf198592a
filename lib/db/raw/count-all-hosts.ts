import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { CommitCache } from "./commit-cache";
import { keptHostTotal } from "./network-counts";
import { queryRows } from "./read-connection";

// The unfiltered host total of GET /hosts, from the kept per-network counts
// (network_counts, plus the few hosts outside every network) on both engines.
// A COUNT(*) reads every index page once the page cache is cold, and another
// connection's commit makes it cold: on SQLite 8-40 ms for 300,000 hosts
// (0.3 ms from the kept counts), on PostgreSQL about 60 ms for 1M, on the
// first list after each write. Outside a transaction the total is kept until
// the next commit.

const cache = new CommitCache<number>();
const fromKeptCounts = Prisma.sql`SELECT ${keptHostTotal} AS n`;

async function count(tx?: Tx): Promise<number> {
  const [row] = await queryRows<{ n: unknown }>(tx, fromKeptCounts);
  return Number(row?.n ?? 0);
}

export async function countAllHosts(tx?: Tx): Promise<number> {
  if (tx) return count(tx);
  const [n] = await cache.get(["all"], (k) => k, async () => [await count()]);
  return n;
}

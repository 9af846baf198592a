import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { CommitCache } from "./commit-cache";
import { onPostgres } from "./dialect";
import { keptHostTotal } from "./network-counts";
import { queryRows } from "./read-connection";

// The unfiltered host total of GET /hosts. A bare COUNT(*) is SQLite's
// b-tree count (0.3 ms for 1M rows), where the same count as an ip_key
// range reads every index entry (50 ms). PostgreSQL's COUNT(*) scans every
// row (about 60 ms for 1M, on the first list after each write), so there
// the total comes from the kept per-network counts instead. Outside a
// transaction either is kept until the next commit.

const cache = new CommitCache<number>();
const countAll = Prisma.sql`SELECT COUNT(*) AS n FROM hosts`;
const fromKeptCounts = Prisma.sql`SELECT ${keptHostTotal} AS n`;

async function count(tx?: Tx): Promise<number> {
  const [row] = await queryRows<{ n: unknown }>(tx, onPostgres() ? fromKeptCounts : countAll);
  return Number(row?.n ?? 0);
}

export async function countAllHosts(tx?: Tx): Promise<number> {
  if (tx) return count(tx);
  const [n] = await cache.get(["all"], (k) => k, async () => [await count()]);
  return n;
}

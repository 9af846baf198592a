import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { CommitCache } from "./commit-cache";
import { queryRows } from "./read-connection";
import type { KeyRange } from "./types";

// used_hosts of a /8 with 1M hosts is a 50 ms index count; dashboards ask for
// the same ranges again and again between writes.
const countCache = new CommitCache<bigint>();

// SQLite allows 32766 bound variables; 3 per range.
const RANGES_PER_STATEMENT = 5000;

/**
 * One index range count per row of a VALUES list; `i` says which range a
 * count belongs to (cast: PostgreSQL reads a bare parameter there as text).
 */
const countSql = (ranges: KeyRange[]) => Prisma.sql`
  WITH r(i, lo, hi) AS (VALUES ${Prisma.join(ranges.map((r, i) => Prisma.sql`(CAST(${i} AS INTEGER), ${r.lo}, ${r.hi})`))})
  SELECT i, (SELECT COUNT(*) FROM hosts WHERE ip_key BETWEEN r.lo AND r.hi) AS c FROM r`;

/** Number of hosts in each key range, in ONE statement (cached between commits when outside a transaction). */
export async function countHostsInRanges(ranges: KeyRange[], tx?: Tx): Promise<bigint[]> {
  if (ranges.length === 0) return [];
  if (tx) return runCounts(ranges, tx);
  return countCache.get(ranges, (r) => `${r.lo}-${r.hi}`, (missing) => runCounts(missing));
}

async function runCounts(ranges: KeyRange[], tx?: Tx): Promise<bigint[]> {
  const out: bigint[] = new Array(ranges.length).fill(0n);
  for (let start = 0; start < ranges.length; start += RANGES_PER_STATEMENT) {
    const rows = await queryRows<{ i: unknown; c: unknown }>(tx, countSql(ranges.slice(start, start + RANGES_PER_STATEMENT)));
    for (const row of rows) out[start + Number(row.i)] = BigInt(row.c as number);
  }
  return out;
}

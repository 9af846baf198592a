import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { CommitCache } from "./commit-cache";
import { queryRows, readRows } from "./read-connection";
import type { KeyRange, Queryable } from "./types";

// Reads of network_counts, the per-network host counts the database's own
// triggers keep (lib/db/count-triggers.ts). Every host in a network's range
// belongs to that network or to one nested in it (hosts.network_id is the
// most specific network holding the address), so the hosts in a network's
// range are the sum of the direct counts of the networks inside the range:
// one index range over networks(start_key, end_key), however many hosts.

// SQLite allows 32766 bound variables; 3 per range.
const RANGES_PER_STATEMENT = 5000;

const subtreeSql = (ranges: KeyRange[]) => Prisma.sql`
  WITH r(i, lo, hi) AS (VALUES ${Prisma.join(ranges.map((r, i) => Prisma.sql`(CAST(${i} AS INTEGER), ${r.lo}, ${r.hi})`))})
  SELECT i, (SELECT COALESCE(SUM(c.total), 0) FROM networks n JOIN network_counts c ON c.network_id = n.id
             WHERE n.start_key BETWEEN r.lo AND r.hi AND n.end_key <= r.hi) AS c FROM r`;

// A container's sum reads one row per network inside it: dashboards ask for the same ones between writes.
const sumCache = new CommitCache<bigint>();

/**
 * Hosts inside each network's key range (its own and its descendants'),
 * aligned with `ranges`, which must be networks' ranges (cached between
 * commits when outside a transaction).
 */
export async function countNetworkHosts(ranges: KeyRange[], tx?: Tx): Promise<bigint[]> {
  if (ranges.length === 0) return [];
  if (tx) return runSums(ranges, tx);
  return sumCache.get(ranges, (r) => `${r.lo}-${r.hi}`, (missing) => runSums(missing));
}

async function runSums(ranges: KeyRange[], tx?: Tx): Promise<bigint[]> {
  const out: bigint[] = new Array(ranges.length).fill(0n);
  for (let start = 0; start < ranges.length; start += RANGES_PER_STATEMENT) {
    const rows = await queryRows<{ i: unknown; c: unknown }>(tx, subtreeSql(ranges.slice(start, start + RANGES_PER_STATEMENT)));
    for (const row of rows) out[start + Number(row.i)] = BigInt(row.c as number);
  }
  return out;
}

// host_blocks (the occupancy summary next-free descends): level 1 = the key
// without its last 2 hex digits (256 addresses), level 2 = without its last 4.
const BLOCK_COUNTS = `
  SELECT 1 AS level, substr(ip_key, 1, 31) AS block_key, COUNT(*) AS used FROM hosts GROUP BY substr(ip_key, 1, 31)
  UNION ALL
  SELECT 2 AS level, substr(ip_key, 1, 29) AS block_key, COUNT(*) AS used FROM hosts GROUP BY substr(ip_key, 1, 29)`;
const blockCountsSql = Prisma.raw(BLOCK_COUNTS);

/**
 * The rebuild of network_counts and host_blocks from the hosts, plain SQL
 * for both engines: `npm run admin -- recount` runs it through Prisma, a
 * restore (which loads hosts with the count triggers off) on its own connection.
 */
export const RECOUNT_SQL = {
  networkCounts: [
    `DELETE FROM network_counts`,
    `INSERT INTO network_counts (network_id, total, reserved, inactive)
     SELECT network_id, COUNT(*), SUM(CASE WHEN status = 'reserved' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'inactive' THEN 1 ELSE 0 END)
     FROM hosts WHERE network_id IS NOT NULL GROUP BY network_id`,
  ],
  hostBlocks: [`DELETE FROM host_blocks`, `INSERT INTO host_blocks (level, block_key, used) ${BLOCK_COUNTS}`],
} as const;

/** Rebuilds network_counts from the hosts (`npm run admin -- recount`); returns how many networks have hosts. */
export async function recountNetworkHosts(q: Queryable): Promise<number> {
  await q.$executeRawUnsafe(RECOUNT_SQL.networkCounts[0]);
  return q.$executeRawUnsafe(RECOUNT_SQL.networkCounts[1]);
}

/** Rows of network_counts that differ from a fresh count of the hosts (empty when they agree). */
export async function networkCountDrift(q: Queryable): Promise<Array<{ networkId: number; stored: string; actual: string }>> {
  const rows = await q.$queryRaw<Array<{ network_id: unknown; stored: string | null; actual: string | null }>>`
    WITH actual AS (
      SELECT network_id, COUNT(*) AS total, SUM(CASE WHEN status = 'reserved' THEN 1 ELSE 0 END) AS reserved,
             SUM(CASE WHEN status = 'inactive' THEN 1 ELSE 0 END) AS inactive
      FROM hosts WHERE network_id IS NOT NULL GROUP BY network_id)
    SELECT COALESCE(a.network_id, c.network_id) AS network_id,
           CASE WHEN c.network_id IS NULL THEN NULL ELSE CAST(c.total AS TEXT) || '/' || CAST(c.reserved AS TEXT) || '/' || CAST(c.inactive AS TEXT) END AS stored,
           CASE WHEN a.network_id IS NULL THEN NULL ELSE CAST(a.total AS TEXT) || '/' || CAST(a.reserved AS TEXT) || '/' || CAST(a.inactive AS TEXT) END AS actual
    FROM actual a FULL OUTER JOIN network_counts c ON c.network_id = a.network_id
    ORDER BY 1`;
  return rows
    .filter((r) => (r.stored ?? "0/0/0") !== (r.actual ?? "0/0/0"))
    .map((r) => ({ networkId: Number(r.network_id), stored: r.stored ?? "0/0/0", actual: r.actual ?? "0/0/0" }));
}

/** Rebuilds host_blocks from the hosts; returns how many blocks hold hosts. */
export async function recountHostBlocks(q: Queryable): Promise<number> {
  await q.$executeRawUnsafe(RECOUNT_SQL.hostBlocks[0]);
  return q.$executeRawUnsafe(RECOUNT_SQL.hostBlocks[1]);
}

/** Blocks whose kept count differs from a fresh count of the hosts (empty blocks count as 0). */
export async function hostBlockDrift(q: Queryable): Promise<Array<{ level: number; blockKey: string; stored: number; actual: number }>> {
  const rows = await q.$queryRaw<Array<{ level: unknown; block_key: string; stored: unknown; actual: unknown }>>`
    WITH actual AS (${blockCountsSql})
    SELECT COALESCE(a.level, b.level) AS level, COALESCE(a.block_key, b.block_key) AS block_key,
           COALESCE(b.used, 0) AS stored, COALESCE(a.used, 0) AS actual
    FROM actual a FULL OUTER JOIN host_blocks b ON b.level = a.level AND b.block_key = a.block_key
    WHERE COALESCE(b.used, 0) <> COALESCE(a.used, 0)
    ORDER BY 1, 2`;
  return rows.map((r) => ({ level: Number(r.level), blockKey: r.block_key, stored: Number(r.stored), actual: Number(r.actual) }));
}

/** Every host: the kept counts plus the hosts outside every network (an index range on hosts(network_id, status)). */
export const keptHostTotal = Prisma.sql`(SELECT COALESCE(SUM(total), 0) FROM network_counts) + (SELECT COUNT(*) FROM hosts WHERE network_id IS NULL)`;

/**
 * Hosts in the whole database, all and by status, from the kept counts plus
 * the hosts outside every network (few, on the (network_id, status) index):
 * the dashboard's totals without a pass over a million hosts.
 */
export async function hostStatusTotals(): Promise<{ total: bigint; reserved: bigint; inactive: bigint }> {
  const [row] = await readRows<{ total: unknown; reserved: unknown; inactive: unknown }>(Prisma.sql`
    SELECT ${keptHostTotal} AS total,
           (SELECT COALESCE(SUM(reserved), 0) FROM network_counts) + (SELECT COUNT(*) FROM hosts WHERE network_id IS NULL AND status = 'reserved') AS reserved,
           (SELECT COALESCE(SUM(inactive), 0) FROM network_counts) + (SELECT COUNT(*) FROM hosts WHERE network_id IS NULL AND status = 'inactive') AS inactive`);
  return { total: BigInt(row.total as number), reserved: BigInt(row.reserved as number), inactive: BigInt(row.inactive as number) };
}

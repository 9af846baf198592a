import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "./read-connection";

// The host at a given rank in address order, from the occupancy summary
// (host_blocks, kept exact by triggers: lib/db/count-triggers.ts) instead of
// walking the hosts index up to the rank: sum the 65,536-blocks until the
// rank falls inside one, then its 256-blocks, then read the keys of one
// 256-block. Page 10,000 of GET /hosts in address order is then a few short
// reads right after a write, where OFFSET walks 500,000 index entries.

/** Block rows per read while summing: few at first (the rank is usually in the first blocks), then more, up to MAX_BATCH. */
const FIRST_BATCH = 64;
const MAX_BATCH = 4096;
/** Keys are family digit + 32 hex digits; a block key is a prefix of the keys in it, so a key range is [prefix, prefix + "g"). */
const ABOVE_HEX = "g";

type Row = { block_key: string; used: unknown };

const blocksFrom = (level: number, lo: string, hi: string, limit: number) => Prisma.sql`
  SELECT block_key, used FROM host_blocks WHERE level = ${level} AND block_key > ${lo} AND block_key < ${hi} AND used > 0
  ORDER BY block_key LIMIT ${limit}`;
const keysIn = (block: string, offset: number) => Prisma.sql`
  SELECT ip_key FROM hosts WHERE ip_key > ${block} AND ip_key < ${block + ABOVE_HEX} ORDER BY ip_key LIMIT 1 OFFSET ${offset}`;

/**
 * The block of `level` between lo and hi (exclusive) that holds the host at
 * `rank`, counting `below` hosts before lo; with the hosts before it.
 */
async function blockHolding(tx: Tx | undefined, level: 1 | 2, lo: string, hi: string, rank: number, below: number) {
  let after = lo;
  for (let batch = FIRST_BATCH; ; batch = Math.min(batch * 4, MAX_BATCH)) {
    const rows = await queryRows<Row>(tx, blocksFrom(level, after, hi, batch));
    for (const row of rows) {
      const used = Number(row.used);
      if (rank < below + used) return { key: row.block_key, below };
      below += used;
    }
    if (rows.length < batch) return null;
    after = rows[rows.length - 1].block_key;
  }
}

/**
 * The ip_key of the host at `rank` (0-based) in ascending key order over all
 * hosts, or null when there is no such host, or when a write between these
 * reads (outside a transaction) left the summary and the keys disagreeing:
 * the caller then walks the index instead.
 */
export async function hostKeyAtRank(rank: number, tx?: Tx): Promise<string | null> {
  if (!Number.isSafeInteger(rank) || rank < 0) return null;
  const big = await blockHolding(tx, 2, "", ABOVE_HEX, rank, 0);
  if (!big) return null;
  const small = await blockHolding(tx, 1, big.key, big.key + ABOVE_HEX, rank, big.below);
  if (!small) return null;
  const [row] = await queryRows<{ ip_key: string }>(tx, keysIn(small.key, rank - small.below));
  return row?.ip_key ?? null;
}

import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows, readRows } from "./read-connection";

/** A row of the occupancy summary host_blocks (lib/db/count-triggers.ts). */
export interface BlockCount {
  /** The block's key: hosts' ip_key without the last 2 (level 1) or 4 (level 2) hex digits. */
  key: string;
  used: number;
}

/** Reads host keys and the occupancy summary in order: the primitives behind next-ip, available-ips and free-ranges. */
export interface KeyReader {
  /** Up to `limit` keys in (after, hi], ascending (keyset pagination). */
  keysAfter(after: string, hi: string, limit: number): Promise<string[]>;
  /** Up to `limit` host_blocks rows of `level` with lo ≤ key ≤ hi, ascending (blocks holding no host have no row, or used 0). */
  blocks(level: 1 | 2, lo: string, hi: string, limit: number): Promise<BlockCount[]>;
}

// Each is one index range scan: hosts(ip_key), host_blocks(level, block_key).
const keysAfter = (after: string, hi: string, limit: number) =>
  Prisma.sql`SELECT ip_key FROM hosts WHERE ip_key > ${after} AND ip_key <= ${hi} ORDER BY ip_key LIMIT ${limit}`;
const blocks = (level: number, lo: string, hi: string, limit: number) =>
  Prisma.sql`SELECT block_key, used FROM host_blocks WHERE level = ${level} AND block_key >= ${lo} AND block_key <= ${hi} ORDER BY block_key LIMIT ${limit}`;

const blockRows = (rows: Array<{ block_key: string; used: unknown }>): BlockCount[] => rows.map((r) => ({ key: r.block_key, used: Number(r.used) }));

/** Inside `tx` (consistent with the caller's writes) or on the read connection. */
export function keyReader(tx?: Tx): KeyReader {
  if (tx) {
    return {
      keysAfter: async (after, hi, limit) => (await queryRows<{ ip_key: string }>(tx, keysAfter(after, hi, limit))).map((r) => r.ip_key),
      blocks: async (level, lo, hi, limit) => blockRows(await queryRows(tx, blocks(level, lo, hi, limit))),
    };
  }
  return {
    keysAfter: async (after, hi, limit) => (await readRows<{ ip_key: string }>(keysAfter(after, hi, limit))).map((r) => r.ip_key),
    blocks: async (level, lo, hi, limit) => blockRows(await readRows(blocks(level, lo, hi, limit))),
  };
}

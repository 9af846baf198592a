import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { countHostsInRanges } from "./host-counts";
import { queryRows, readColumn, readValue } from "./read-connection";

/** Reads host keys in order: the primitive behind next-ip, available-ips and free-ranges. */
export interface KeyReader {
  /** The key `offset` places after the first key ≥ `from` (and ≤ `hi`), or null. */
  keyAt(from: string, hi: string, offset: number): Promise<string | null>;
  /** Up to `limit` keys in (after, hi], ascending (keyset pagination). */
  keysAfter(after: string, hi: string, limit: number): Promise<string[]>;
  /** The greatest key in [lo, hi], or null. */
  lastKey(lo: string, hi: string): Promise<string | null>;
  /** How many keys lie in [lo, hi] (on the read connection: cached until the next commit). */
  countIn(lo: string, hi: string): Promise<bigint>;
}

// Each is one index range scan on hosts(ip_key).
const keyAt = (from: string, hi: string, offset: number) =>
  Prisma.sql`SELECT ip_key FROM hosts WHERE ip_key >= ${from} AND ip_key <= ${hi} ORDER BY ip_key LIMIT 1 OFFSET ${offset}`;
const keysAfter = (after: string, hi: string, limit: number) =>
  Prisma.sql`SELECT ip_key FROM hosts WHERE ip_key > ${after} AND ip_key <= ${hi} ORDER BY ip_key LIMIT ${limit}`;
const lastKey = (lo: string, hi: string) =>
  Prisma.sql`SELECT ip_key FROM hosts WHERE ip_key >= ${lo} AND ip_key <= ${hi} ORDER BY ip_key DESC LIMIT 1`;

/** Inside `tx` (consistent with the caller's writes) or on the read connection. */
export function keyReader(tx?: Tx): KeyReader {
  if (tx) {
    const keys = async (sql: Prisma.Sql) => (await queryRows<{ ip_key: string }>(tx, sql)).map((r) => r.ip_key);
    return {
      keyAt: async (from, hi, offset) => (await keys(keyAt(from, hi, offset)))[0] ?? null,
      keysAfter: (after, hi, limit) => keys(keysAfter(after, hi, limit)),
      lastKey: async (lo, hi) => (await keys(lastKey(lo, hi)))[0] ?? null,
      countIn: async (lo, hi) => (await countHostsInRanges([{ lo, hi }], tx))[0],
    };
  }
  return {
    keyAt: async (from, hi, offset) => (await readValue<string>(keyAt(from, hi, offset))) ?? null,
    keysAfter: (after, hi, limit) => readColumn<string>(keysAfter(after, hi, limit)),
    lastKey: async (lo, hi) => (await readValue<string>(lastKey(lo, hi))) ?? null,
    countIn: async (lo, hi) => (await countHostsInRanges([{ lo, hi }]))[0],
  };
}

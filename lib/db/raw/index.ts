import "server-only";
import Database from "better-sqlite3";
import { loadEnv, sqlitePath } from "@/lib/env";
import { getDb, type Db, type Tx } from "@/lib/db/client";

// lib/db/raw/ holds all of the app's raw SQL (a PostgreSQL port swaps this
// folder): here the index-range queries Prisma's query builder cannot
// express; bulk-import.ts the importer's batched writes. Keys are lib/ipam sortKey strings, so every range
// below is an index range scan on hosts(ip_key) or networks(start_key, end_key).
//
// Heavy reads outside a transaction go to a second, query-only connection:
// better-sqlite3 is synchronous and avoids Prisma's per-row mapping (5x
// faster on 1M keys), and a separate connection in WAL mode sees only
// committed data, so its `data_version` is an exact cache stamp.

export type Queryable = Db | Tx;
export interface KeyRange { lo: string; hi: string }

let reader: { path: string; db: Database.Database } | undefined;

function readConnection(): Database.Database {
  const path = sqlitePath(loadEnv().DATABASE_URL);
  if (reader?.path !== path) {
    reader?.db.close();
    const db = new Database(path, { fileMustExist: true, timeout: 10_000 });
    db.pragma("query_only = 1");
    reader = { path, db };
  }
  return reader.db;
}

/** Changes whenever any other connection commits; never changes for our own reads. */
function dataVersion(): string {
  const db = readConnection();
  return `${reader!.path}:${db.pragma("data_version", { simple: true })}`;
}

// used_hosts of a /8 with 1M hosts is a 50 ms index count; dashboards ask for
// the same ranges again and again between writes.
const countCache = { stamp: "", values: new Map<string, bigint>() };

const COUNT_SQL = (n: number) =>
  `WITH r(i, lo, hi) AS (VALUES ${Array.from({ length: n }, () => "(?, ?, ?)").join(", ")})
   SELECT i, (SELECT COUNT(*) FROM hosts WHERE ip_key BETWEEN r.lo AND r.hi) AS c FROM r`;

/** Number of hosts in each key range, in ONE statement (cached between commits when outside a transaction). */
export async function countHostsInRanges(ranges: KeyRange[], tx?: Tx): Promise<bigint[]> {
  if (ranges.length === 0) return [];
  if (tx) return runCounts(ranges, (sql, args) => tx.$queryRawUnsafe(sql, ...args));
  const stamp = dataVersion();
  if (countCache.stamp !== stamp || countCache.values.size > 10_000) countCache.values = new Map();
  countCache.stamp = stamp;
  const missing = ranges.filter((r) => !countCache.values.has(`${r.lo}-${r.hi}`));
  const stmt = (sql: string, args: unknown[]) => Promise.resolve(readConnection().prepare(sql).all(...args));
  const counts = await runCounts(missing, stmt);
  missing.forEach((r, i) => countCache.values.set(`${r.lo}-${r.hi}`, counts[i]));
  return ranges.map((r) => countCache.values.get(`${r.lo}-${r.hi}`)!);
}

async function runCounts(ranges: KeyRange[], query: (sql: string, args: unknown[]) => Promise<unknown>): Promise<bigint[]> {
  const out: bigint[] = new Array(ranges.length).fill(0n);
  // SQLite allows 32766 bound variables; 3 per range.
  for (let start = 0; start < ranges.length; start += 5000) {
    const chunk = ranges.slice(start, start + 5000);
    const rows = (await query(COUNT_SQL(chunk.length), chunk.flatMap((r, i) => [i, r.lo, r.hi]))) as Array<{ i: unknown; c: unknown }>;
    for (const row of rows) out[start + Number(row.i)] = BigInt(row.c as number);
  }
  return out;
}

/** Reads host keys in order: the primitive behind next-ip, available-ips and free-ranges. */
export interface KeyReader {
  /** The key `offset` places after the first key ≥ `from` (and ≤ `hi`), or null. */
  keyAt(from: string, hi: string, offset: number): Promise<string | null>;
  /** Up to `limit` keys in (after, hi], ascending (keyset pagination). */
  keysAfter(after: string, hi: string, limit: number): Promise<string[]>;
  /** The greatest key in [lo, hi], or null. */
  lastKey(lo: string, hi: string): Promise<string | null>;
}

const KEY_AT = "SELECT ip_key FROM hosts WHERE ip_key >= ? AND ip_key <= ? ORDER BY ip_key LIMIT 1 OFFSET ?";
const KEYS_AFTER = "SELECT ip_key FROM hosts WHERE ip_key > ? AND ip_key <= ? ORDER BY ip_key LIMIT ?";
const LAST_KEY = "SELECT ip_key FROM hosts WHERE ip_key >= ? AND ip_key <= ? ORDER BY ip_key DESC LIMIT 1";

/** Inside `tx` (consistent with the caller's writes) or on the read connection. */
export function keyReader(tx?: Tx): KeyReader {
  if (tx) {
    return {
      keyAt: async (from, hi, offset) => ((await tx.$queryRawUnsafe<Array<{ ip_key: string }>>(KEY_AT, from, hi, offset))[0]?.ip_key ?? null),
      keysAfter: async (after, hi, limit) =>
        (await tx.$queryRawUnsafe<Array<{ ip_key: string }>>(KEYS_AFTER, after, hi, limit)).map((r) => r.ip_key),
      lastKey: async (lo, hi) => ((await tx.$queryRawUnsafe<Array<{ ip_key: string }>>(LAST_KEY, lo, hi))[0]?.ip_key ?? null),
    };
  }
  const db = readConnection();
  const keyAt = db.prepare(KEY_AT).pluck();
  const keysAfter = db.prepare(KEYS_AFTER).pluck();
  const lastKey = db.prepare(LAST_KEY).pluck();
  return {
    keyAt: async (from, hi, offset) => (keyAt.get(from, hi, offset) as string | undefined) ?? null,
    keysAfter: async (after, hi, limit) => keysAfter.all(after, hi, limit) as string[],
    lastKey: async (lo, hi) => (lastKey.get(lo, hi) as string | undefined) ?? null,
  };
}

/**
 * The most specific network containing `key`. Networks nest or are disjoint,
 * so among those containing the key the one with the greatest start is the
 * innermost; equal starts are told apart by the smaller end.
 */
export async function innermostNetworkId(q: Queryable, key: string): Promise<number | null> {
  const rows = await q.$queryRawUnsafe<Array<{ id: unknown }>>(
    `SELECT id FROM networks
     WHERE start_key = (SELECT start_key FROM networks WHERE start_key <= ? AND end_key >= ? ORDER BY start_key DESC LIMIT 1)
       AND end_key >= ?
     ORDER BY end_key LIMIT 1`,
    key, key, key,
  );
  return rows.length ? Number(rows[0].id) : null;
}

// Derived columns are written without touching updated_at: a user did not edit the row.

/** Sets network_id of every host in [lo, hi] that does not already have it; returns the number changed. */
export function setHostNetworkInRange(q: Queryable, lo: string, hi: string, networkId: number | null): Promise<number> {
  return q.$executeRawUnsafe(
    "UPDATE hosts SET network_id = ? WHERE ip_key BETWEEN ? AND ? AND network_id IS NOT ?",
    networkId, lo, hi, networkId,
  );
}

export function setNetworkParent(q: Queryable, id: number, parentId: number | null): Promise<number> {
  return q.$executeRawUnsafe("UPDATE networks SET parent_id = ? WHERE id = ? AND parent_id IS NOT ?", parentId, id, parentId);
}

/** Hosts (other than `exceptId`) whose comma-separated cname list contains any of `aliases`. */
export async function hostsWithAliases(q: Queryable, aliases: string[], exceptId: number | null): Promise<Array<{ id: number; ip_address: string; cname: string }>> {
  if (aliases.length === 0) return [];
  // No index can serve a list column: this scans hosts WHERE cname IS NOT NULL, so it runs only when a cname is written.
  const match = aliases.map(() => "(',' || cname || ',') LIKE ('%,' || ? || ',%')").join(" OR ");
  const rows = await q.$queryRawUnsafe<Array<{ id: unknown; ip_address: string; cname: string }>>(
    `SELECT id, ip_address, cname FROM hosts WHERE cname IS NOT NULL AND id IS NOT ? AND (${match}) LIMIT 10`,
    exceptId, ...aliases,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id) }));
}

const SEARCHABLE = { hosts: ["description", "hostname", "cname", "ip_address", "mac_address"], networks: ["description", "name", "location", "domain", "network"] } as const;

/**
 * Ids of rows where any searchable column contains `text` literally (ASCII
 * case-insensitive, like LIKE). Used only when `text` holds % _ or \, which
 * Prisma's `contains` would pass to LIKE as wildcards.
 */
export async function idsContaining(q: Queryable, table: keyof typeof SEARCHABLE, text: string): Promise<number[]> {
  const match = SEARCHABLE[table].map((c) => `instr(lower(${c}), lower(?)) > 0`).join(" OR ");
  const rows = await q.$queryRawUnsafe<Array<{ id: unknown }>>(
    `SELECT id FROM ${table} WHERE ${match} LIMIT 10000`, ...SEARCHABLE[table].map(() => text),
  );
  return rows.map((r) => Number(r.id));
}

export interface TokenForAuth {
  id: number;
  name: string;
  role: string;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  userDisabled: boolean;
}

const TOKEN_BY_HASH = `SELECT t.id, t.name, t.role, t.expires_at, t.last_used_at, u.disabled AS user_disabled
  FROM api_tokens t LEFT JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?`;

/** Prisma writes ISO text with an offset; SQLite's CURRENT_TIMESTAMP is "YYYY-MM-DD HH:MM:SS" in UTC. */
function storedDateOrNull(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(v)) return new Date(`${v.replace(" ", "T")}Z`);
  return new Date(v as string | number);
}

/**
 * The token behind every API request, in one indexed lookup on the read
 * connection (committed data, so a revoked token fails at once): two Prisma
 * queries here cost ~1.5 ms of CPU per request, a tenth of a whole allocation.
 */
export function findTokenForAuth(tokenHash: string): TokenForAuth | null {
  const row = readConnection().prepare(TOKEN_BY_HASH).get(tokenHash) as Record<string, unknown> | undefined;
  if (!row) return null;
  return {
    id: Number(row.id), name: String(row.name), role: String(row.role),
    expiresAt: storedDateOrNull(row.expires_at), lastUsedAt: storedDateOrNull(row.last_used_at), userDisabled: Boolean(row.user_disabled),
  };
}

/** Health check: the database answers a query. */
export async function pingDatabase(): Promise<void> {
  await getDb().$queryRawUnsafe("SELECT 1");
}

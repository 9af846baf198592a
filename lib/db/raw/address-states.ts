import "server-only";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { CommitCache } from "./commit-cache";
import { queryRows } from "./read-connection";
import type { KeyRange } from "./types";

// The stored inputs of the address-state model (lib/ipam/states.ts) for a
// page of networks, in three statements whatever the page size: direct
// children by parent_id, the direct host counts by status from
// network_counts (kept by triggers: lib/db/count-triggers.ts), the hosts in
// the pool on the (network_id, ip_key) index, and the few hosts on ends and
// gateways by ip_key. Nothing here walks addresses or counts a network's
// hosts; only the pool's hosts are counted (a pool holds few static hosts).

export interface StateQuery {
  networkId: number;
  /** Sort keys of the DHCP pool, or null. */
  pool: KeyRange | null;
  /** Sort keys of the network's ends and gateway (at most three). */
  points: string[];
}

export interface StateRows {
  /** Direct child networks (parent_id = networkId). */
  children: Array<{ id: number; lo: string; hi: string }>;
  /** Hosts whose network_id is this network: all of them, the reserved and the inactive ones. */
  hosts: { total: bigint; reserved: bigint; inactive: bigint };
  /** Those hosts inside the pool. */
  inPool: bigint;
  /** Those hosts on one of `points`. */
  pointHosts: Array<{ key: string; status: string }>;
}

// SQLite allows 32766 bound variables.
const CHUNK = 5000;

const childrenSql = (ids: number[]) => Prisma.sql`
  SELECT id, parent_id, start_key, end_key FROM networks WHERE parent_id IN (${Prisma.join(ids)})`;

// Ids are cast: PostgreSQL reads a bare parameter in VALUES as text.
const countsSql = (queries: StateQuery[]) => Prisma.sql`
  WITH q(i, nid, plo, phi) AS (VALUES ${Prisma.join(queries.map((q, i) => Prisma.sql`(CAST(${i} AS INTEGER), CAST(${q.networkId} AS INTEGER), ${q.pool?.lo ?? null}, ${q.pool?.hi ?? null})`))})
  SELECT i, COALESCE(c.total, 0) AS total, COALESCE(c.reserved, 0) AS reserved, COALESCE(c.inactive, 0) AS inactive,
    (SELECT COUNT(*) FROM hosts WHERE network_id = q.nid AND ip_key BETWEEN q.plo AND q.phi) AS in_pool
  FROM q LEFT JOIN network_counts c ON c.network_id = q.nid`;

const pointsSql = (keys: string[]) => Prisma.sql`
  SELECT network_id, ip_key, status FROM hosts WHERE ip_key IN (${Prisma.join(keys)})`;

const cache = new CommitCache<StateRows>();
const cacheKey = (q: StateQuery) => `${q.networkId}|${q.pool?.lo ?? ""}|${q.pool?.hi ?? ""}|${q.points.join(",")}`;

/** The state-model rows of each network, aligned with `queries` (cached between commits outside a transaction). */
export async function loadStateRows(queries: StateQuery[], tx?: Tx): Promise<StateRows[]> {
  if (queries.length === 0) return [];
  if (tx) return runQueries(queries, tx);
  return cache.get(queries, cacheKey, (missing) => runQueries(missing));
}

async function runQueries(queries: StateQuery[], tx?: Tx): Promise<StateRows[]> {
  // One result per network, even if a page names it twice.
  const byNetwork = new Map<number, StateRows>();
  const unique: StateQuery[] = [];
  for (const q of queries) {
    if (byNetwork.has(q.networkId)) continue;
    byNetwork.set(q.networkId, { children: [], hosts: { total: 0n, reserved: 0n, inactive: 0n }, inPool: 0n, pointHosts: [] });
    unique.push(q);
  }
  for (let start = 0; start < unique.length; start += CHUNK) {
    const chunk = unique.slice(start, start + CHUNK);
    const children = await queryRows<{ id: unknown; parent_id: unknown; start_key: string; end_key: string }>(tx, childrenSql(chunk.map((q) => q.networkId)));
    for (const r of children) byNetwork.get(Number(r.parent_id))!.children.push({ id: Number(r.id), lo: r.start_key, hi: r.end_key });
    const counts = await queryRows<Record<"i" | "total" | "reserved" | "inactive" | "in_pool", unknown>>(tx, countsSql(chunk));
    for (const r of counts) {
      const target = byNetwork.get(chunk[Number(r.i)].networkId)!;
      target.hosts = { total: big(r.total), reserved: big(r.reserved), inactive: big(r.inactive) };
      target.inPool = big(r.in_pool);
    }
  }
  // A key can be a point of several networks (a child shares its parent's network address).
  const owners = new Map<string, Set<number>>();
  for (const q of unique) for (const key of q.points) owners.set(key, (owners.get(key) ?? new Set()).add(q.networkId));
  const keys = [...owners.keys()];
  for (let start = 0; start < keys.length; start += CHUNK) {
    const rows = await queryRows<{ network_id: unknown; ip_key: string; status: string }>(tx, pointsSql(keys.slice(start, start + CHUNK)));
    // Only the network's own host: one on a point inside a child belongs to the child.
    for (const r of rows) {
      const id = r.network_id === null ? null : Number(r.network_id);
      if (id !== null && owners.get(r.ip_key)?.has(id)) byNetwork.get(id)!.pointHosts.push({ key: r.ip_key, status: r.status });
    }
  }
  return queries.map((q) => byNetwork.get(q.networkId)!);
}

const big = (v: unknown): bigint => BigInt(v as number | bigint);

import "server-only";
import { inList, notEqualOrNull } from "./dialect";
import type { Queryable } from "./types";

// The derived tree: networks.parent_id and hosts.network_id. Networks nest or
// are disjoint, and their (start_key, end_key) index makes "which network
// holds this key" one range scan.

/**
 * The most specific network containing `key`. Networks nest or are disjoint,
 * so among those containing the key the one with the greatest start is the
 * innermost; equal starts are told apart by the smaller end.
 */
export async function innermostNetworkId(q: Queryable, key: string): Promise<number | null> {
  const rows = await q.$queryRaw<Array<{ id: unknown }>>`
    SELECT id FROM networks
    WHERE start_key = (SELECT start_key FROM networks WHERE start_key <= ${key} AND end_key >= ${key} ORDER BY start_key DESC LIMIT 1)
      AND end_key >= ${key}
    ORDER BY end_key LIMIT 1`;
  return rows.length ? Number(rows[0].id) : null;
}

// Derived columns are written without touching updated_at: a user did not edit the row.

/** Sets network_id of every host in [lo, hi] that does not already have it; returns the number changed. */
export function setHostNetworkInRange(q: Queryable, lo: string, hi: string, networkId: number | null): Promise<number> {
  return q.$executeRaw`UPDATE hosts SET network_id = ${networkId} WHERE ip_key BETWEEN ${lo} AND ${hi} AND network_id ${notEqualOrNull()} ${networkId}`;
}

export function setNetworkParent(q: Queryable, id: number, parentId: number | null): Promise<number> {
  return q.$executeRaw`UPDATE networks SET parent_id = ${parentId} WHERE id = ${id} AND parent_id ${notEqualOrNull()} ${parentId}`;
}

/**
 * How many networks enclose each of `ids` (0 = top level). One recursive
 * query walks up parent_id for all of them at once; the ids travel as one
 * parameter (./dialect inList), so any number of them is one statement.
 */
export async function networkDepths(q: Queryable, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map();
  const rows = await q.$queryRaw<Array<{ id: unknown; depth: unknown }>>`
    WITH RECURSIVE chain(id, pid, depth) AS (
      SELECT id, parent_id, 0 FROM networks WHERE id IN (${inList(ids, "int")})
      UNION ALL
      SELECT chain.id, n.parent_id, chain.depth + 1 FROM chain JOIN networks n ON n.id = chain.pid
    )
    SELECT id, MAX(depth) AS depth FROM chain GROUP BY id`;
  return new Map(rows.map((row) => [Number(row.id), Number(row.depth)]));
}

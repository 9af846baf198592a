import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { authorize } from "@/lib/services/authorize";

/**
 * How many networks enclose each of `ids` (0 = top level), for the indented
 * tree of the networks list. One recursive query walks up parent_id for the
 * whole page at once, so a child whose parent sits on an earlier page is still
 * indented correctly and no query runs per row.
 */
export async function getNetworkDepths(actor: Actor, ids: number[]): Promise<Record<number, number>> {
  authorize(actor, "viewer");
  if (ids.length === 0) return {};
  const rows = await getDb().$queryRawUnsafe<Array<{ id: unknown; depth: unknown }>>(
    `WITH RECURSIVE chain(id, pid, depth) AS (
       SELECT id, parent_id, 0 FROM networks WHERE id IN (${ids.map(() => "?").join(", ")})
       UNION ALL
       SELECT chain.id, n.parent_id, chain.depth + 1 FROM chain JOIN networks n ON n.id = chain.pid
     )
     SELECT id, MAX(depth) AS depth FROM chain GROUP BY id`,
    ...ids,
  );
  return Object.fromEntries(rows.map((row) => [Number(row.id), Number(row.depth)]));
}

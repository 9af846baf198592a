import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { countRequestRecords, newestRequests } from "@/lib/db/raw/change-log-queries";
import type { ChangeGroupOut, ChangeListQuery, ChangePage } from "@/lib/schemas/change";
import { authorize } from "@/lib/services/authorize";
import { changeLogFilter } from "@/lib/services/changes/change-log-filter";
import { changePage } from "@/lib/services/changes/list-changes";
import { skipTake } from "@/lib/services/page";

/**
 * GET /changes/groups: one row per request (an import, a bulk call, one form
 * save), newest first, with the same filters and visibility as listChanges:
 * "admin imported 10,000 hosts (request 3f2…)". Each group shows its newest
 * matching record's time, actor, source and message, and counts per object
 * type and action. Only the groups up to this page are found (plus one, to
 * know whether there are more), so `total` is exact only on the last page.
 */
export async function listChangeGroups(actor: Actor, query: ChangeListQuery, tx?: Tx): Promise<ChangePage<ChangeGroupOut>> {
  authorize(actor, "viewer");
  const db = tx ?? getDb();
  const filter = await changeLogFilter(db, actor, query);
  if (!filter) return changePage([], 0, 0, query);
  const { skip, take } = skipTake(query);
  const heads = await newestRequests(db, filter, skip + take + 1);
  const shown = heads.slice(skip, skip + take);
  const [counts, latest] = await Promise.all([
    countRequestRecords(db, filter, shown.map((h) => h.requestId)),
    db.changeLog.findMany({ where: { id: { in: shown.map((h) => h.lastId) } } }),
  ]);
  const latestById = new Map(latest.map((r) => [r.id, r]));
  const items = shown.map((head): ChangeGroupOut => {
    const row = latestById.get(head.lastId)!;
    const summary = counts
      .filter((c) => c.requestId === head.requestId)
      .map((c) => ({ object_type: c.objectType as ChangeGroupOut["summary"][number]["object_type"], action: c.action as ChangeGroupOut["summary"][number]["action"], count: c.count }))
      .sort((a, b) => b.count - a.count || a.object_type.localeCompare(b.object_type) || a.action.localeCompare(b.action));
    return {
      request_id: head.requestId, time: row.time.toISOString(),
      actor: { kind: row.actorKind as ChangeGroupOut["actor"]["kind"], id: row.actorId, name: row.actorName },
      source: row.source, message: row.message, count: summary.reduce((n, s) => n + s.count, 0), summary,
    };
  });
  // One group past the page says "there are more": total is then that lower bound.
  const more = heads.length > skip + take;
  return { ...changePage(items, heads.length, heads.length, query), total_exact: !more };
}

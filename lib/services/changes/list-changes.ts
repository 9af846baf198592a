import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { changeLogPage } from "@/lib/db/raw/change-log-queries";
import type { ChangeListQuery, ChangeOut, ChangePage } from "@/lib/schemas/change";
import { authorize } from "@/lib/services/authorize";
import { changeLogFilter } from "@/lib/services/changes/change-log-filter";
import { serializeChange } from "@/lib/services/changes/serialize-change";
import { skipTake } from "@/lib/services/page";

/**
 * How far past the page's first record counting goes. Beyond it `total` is
 * a lower bound (`total_exact: false`): an exact count of a million records
 * reads a million rows on every page view, while the page itself reads 50.
 */
export const CHANGE_COUNT_AHEAD = 10_000;

export function changePage<T>(items: T[], counted: number, cap: number, query: { page: number; per_page: number }): ChangePage<T> {
  const total = Math.min(counted, cap);
  return { items, total, total_exact: counted <= cap, page: query.page, per_page: query.per_page, pages: Math.ceil(total / query.per_page) };
}

/**
 * GET /changes: matching records, newest first (viewer; users' and tokens'
 * records only for admins). An object's history, a request's or an actor's
 * records are index ranges; `q` reads records until the page is full.
 */
export async function listChanges(actor: Actor, query: ChangeListQuery, tx?: Tx): Promise<ChangePage<ChangeOut>> {
  authorize(actor, "viewer");
  const db = tx ?? getDb();
  const filter = await changeLogFilter(db, actor, query);
  if (!filter) return changePage([], 0, 0, query);
  const page = skipTake(query);
  const cap = page.skip + CHANGE_COUNT_AHEAD;
  const { ids, counted } = await changeLogPage(db, filter, page, cap);
  const rows = ids.length ? await db.changeLog.findMany({ where: { id: { in: ids } }, orderBy: { id: "desc" } }) : [];
  return changePage(rows.map(serializeChange), counted, cap, query);
}

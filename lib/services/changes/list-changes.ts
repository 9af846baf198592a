import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { changeLogPage } from "@/lib/db/raw/change-log-queries";
import type { ChangeListQuery, ChangeOut, ChangePage } from "@/lib/schemas/change";
import { authorize } from "@/lib/services/authorize";
import { changeLogFilter } from "@/lib/services/changes/change-log-filter";
import { serializeChange } from "@/lib/services/changes/serialize-change";
import { AppError } from "@/lib/errors";
import { CURSOR_MESSAGE, encodeCursor, type Cursor } from "@/lib/schemas/cursor";

/**
 * How far past the page's first record counting goes. Beyond it `total` is
 * a lower bound (`total_exact: false`): an exact count of a million records
 * reads a million rows on every page view, while the page itself reads 50.
 */
export const CHANGE_COUNT_AHEAD = 10_000;

export function changePage<T>(
  items: T[], counted: number, cap: number, query: { page: number; per_page: number },
  cursors: { next_cursor: string | null; prev_cursor: string | null } = { next_cursor: null, prev_cursor: null },
): ChangePage<T> {
  const total = Math.min(counted, cap);
  return { items, total, total_exact: counted <= cap, page: query.page, per_page: query.per_page, pages: Math.ceil(total / query.per_page), ...cursors };
}

/** The list's one order: newest first, by id. */
const SORT = "-id";

/**
 * GET /changes: matching records, newest first (viewer; users' and tokens'
 * records only for admins). An object's history, a request's or an actor's
 * records are index ranges; `q` reads records until the page is full.
 * `cursor` (next_cursor) continues below its record's id, at any depth for
 * the cost of the first page; `page` reads with OFFSET. Going back is by
 * page number (prev_cursor stays null: this list reads newest first only).
 */
export async function listChanges(actor: Actor, query: ChangeListQuery, tx?: Tx): Promise<ChangePage<ChangeOut>> {
  authorize(actor, "viewer");
  const db = tx ?? getDb();
  const found = await changeLogFilter(db, actor, query);
  if (!found) return changePage([], 0, 0, query);
  const { cursor } = query;
  const below = cursor ? cursorId(cursor) : undefined;
  const pageNumber = cursor ? cursor.page : query.page;
  const before = (pageNumber - 1) * query.per_page;
  // By cursor the records before this page are not read: counting starts at the cursor.
  const filter = below === undefined ? found : { ...found, idBelow: below };
  const window = { skip: below === undefined ? before : 0, take: query.per_page + 1 };
  const { ids, counted } = await changeLogPage(db, filter, window, window.skip + CHANGE_COUNT_AHEAD);
  const shown = ids.slice(0, query.per_page);
  const rows = shown.length ? await db.changeLog.findMany({ where: { id: { in: shown } }, orderBy: { id: "desc" } }) : [];
  const skipped = below === undefined ? 0 : before;
  const next = ids.length > query.per_page ? encodeCursor({ sort: SORT, page: pageNumber + 1, direction: "after", key: [shown[shown.length - 1]] }) : null;
  return changePage(rows.map(serializeChange), skipped + counted, before + CHANGE_COUNT_AHEAD, { page: pageNumber, per_page: query.per_page }, {
    next_cursor: next, prev_cursor: null,
  });
}

function cursorId(cursor: Cursor): number {
  const [id] = cursor.key;
  if (cursor.sort !== SORT || cursor.direction !== "after" || cursor.key.length !== 1 || typeof id !== "number" || !Number.isInteger(id)) {
    throw new AppError("bad_request", `Invalid query parameter cursor: ${CURSOR_MESSAGE}`, { cursor: [CURSOR_MESSAGE] });
  }
  return id;
}

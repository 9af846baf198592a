import "server-only";
import { encodeCursor, type Cursor, type CursorValue } from "@/lib/schemas/cursor";
import { AppError } from "@/lib/errors";
import { lastPage } from "@/lib/services/page";
import { boundaries } from "@/lib/services/paging/boundary-cache";
import { afterKey, checkedKey, keyOf, keySelect, orderByOf, reversed, type OrderColumn, type Where } from "@/lib/services/paging/keyset";

/** Pages up to here are read with OFFSET (as cheap as a seek that close); deeper ones seek on the sort key. */
export const SEEK_AFTER_PAGE = 100;

/** One read of a list: the caller ANDs `after` into its filter and passes the rest to findMany. */
export interface ListWindow {
  after?: Where;
  orderBy: Record<string, "asc" | "desc">[];
  skip?: number;
  take: number;
  /** Only these fields (a boundary read: the key columns, which an index covers). */
  select?: Record<string, true>;
}

export interface ListSpec<R> {
  query: { page: number; per_page: number; cursor?: Cursor };
  /** The sort parameter as the cursor records it ("ip_address", "-hostname"). */
  sort: string;
  /** The order; its last column unique. */
  order: OrderColumn[];
  count: () => Promise<number>;
  read: (window: ListWindow) => Promise<R[]>;
  /** Identifies the list (filters) for the boundary cache; null: no cache (inside a transaction). */
  cacheKey: string | null;
  /**
   * The key of the row at a rank (0-based) without walking to it, when the
   * list can tell (hosts in address order: the occupancy summary); null:
   * it cannot this time, walk instead.
   */
  keyAtRank?: (rank: number, total: number) => Promise<CursorValue[] | null>;
}

export interface ListPage<R> {
  rows: R[];
  total: number;
  page: number;
  per_page: number;
  next_cursor: string | null;
  prev_cursor: string | null;
}

/**
 * Every paged list's read, by `cursor` (keyset, constant cost at any depth)
 * or by `page` (OFFSET up to SEEK_AFTER_PAGE, deeper by seeking after the
 * key that ends the page before: see boundaryKey, and keyAtRank). A page or cursor past
 * the end gives the last page. Rows come with the cursors of the next and
 * previous pages (null at either end).
 */
export async function readListPage<R extends Record<string, unknown>>(spec: ListSpec<R>): Promise<ListPage<R>> {
  const { cursor } = spec.query;
  if (cursor) {
    if (cursor.sort !== spec.sort) {
      throw new AppError("bad_request", `Invalid query parameter cursor: it was made for sort=${cursor.sort}, not sort=${spec.sort}`, {
        cursor: [`made for sort=${cursor.sort}`],
      });
    }
    return byCursor(spec, cursor);
  }
  return byPage(spec, spec.query.page);
}

function result<R extends Record<string, unknown>>(spec: ListSpec<R>, got: R[], total: number, page: number, hasNext: boolean): ListPage<R> {
  const rows = got.slice(0, spec.query.per_page);
  const cursorAt = (row: R, p: number, direction: Cursor["direction"]) =>
    encodeCursor({ sort: spec.sort, page: p, direction, key: keyOf(row, spec.order) });
  return {
    rows, total, page, per_page: spec.query.per_page,
    next_cursor: hasNext && rows.length ? cursorAt(rows[rows.length - 1], page + 1, "after") : null,
    prev_cursor: page > 1 && rows.length ? cursorAt(rows[0], page - 1, "before") : null,
  };
}

async function byCursor<R extends Record<string, unknown>>(spec: ListSpec<R>, cursor: Cursor): Promise<ListPage<R>> {
  const take = spec.query.per_page;
  const values = checkedKey(cursor.key, spec.order);
  const forward = cursor.direction === "after";
  const order = forward ? spec.order : reversed(spec.order);
  const [got, total] = await Promise.all([spec.read({ after: afterKey(order, values), orderBy: orderByOf(order), take: take + 1 }), spec.count()]);
  if (forward) {
    // Nothing after it any more (the rows were deleted): the last page, as for a page number past the end.
    if (got.length === 0) return byPage(spec, lastPage(total, take), total);
    return result(spec, got, total, Math.max(1, Math.min(cursor.page, lastPage(total, take))), got.length > take);
  }
  // Backwards to the start: that is page 1, read forwards so it is full.
  if (got.length <= take) return byPage(spec, 1, total);
  const rows = got.slice(0, take).reverse();
  return result(spec, rows, total, Math.max(2, Math.min(cursor.page, lastPage(total, take))), true);
}

async function byPage<R extends Record<string, unknown>>(spec: ListSpec<R>, asked: number, knownTotal?: number): Promise<ListPage<R>> {
  const take = spec.query.per_page;
  const orderBy = orderByOf(spec.order);
  if (asked <= SEEK_AFTER_PAGE && knownTotal === undefined) {
    const [got, total] = await Promise.all([spec.read({ orderBy, skip: (asked - 1) * take, take: take + 1 }), spec.count()]);
    const page = Math.min(asked, lastPage(total, take));
    if (page === asked) return result(spec, got, total, page, got.length > take);
    return byPage(spec, page, total);
  }
  const total = knownTotal ?? (await spec.count());
  const page = Math.min(asked, lastPage(total, take));
  if (page <= SEEK_AFTER_PAGE) {
    const got = await spec.read({ orderBy, skip: (page - 1) * take, take: take + 1 });
    return result(spec, got, total, page, got.length > take);
  }
  const boundary = await boundaryKey(spec, (page - 1) * take - 1, total);
  if (!boundary) return byPage(spec, 1, total);
  const got = await spec.read({ after: afterKey(spec.order, checkedKey(boundary, spec.order)), orderBy, take: take + 1 });
  return result(spec, got, total, page, got.length > take);
}

/**
 * The key of the row at `rank` (0-based): a walk of the key columns only
 * (LIMIT 1 OFFSET n, which an index on the sort covers), from the nearest
 * key found before (kept until the next commit) or from the end of the list
 * when that is closer (the Last page is then as cheap as the first).
 */
async function boundaryKey<R extends Record<string, unknown>>(spec: ListSpec<R>, rank: number, total: number) {
  const known = spec.cacheKey === null ? null : await boundaries(`${spec.cacheKey}|${spec.sort}`);
  const near = known?.nearest(rank);
  const select = keySelect(spec.order);
  const fromStart = near ? rank - near.rank : rank;
  const fromEnd = total - 1 - rank;
  if (near && near.rank === rank) return near.key;
  if (spec.keyAtRank && !(near && rank - near.rank <= spec.query.per_page)) {
    const key = await spec.keyAtRank(rank, total);
    if (key) {
      await known?.remember({ rank, key });
      return key;
    }
  }
  let row: R | undefined;
  if (fromEnd < fromStart) {
    [row] = await spec.read({ orderBy: orderByOf(reversed(spec.order)), skip: fromEnd, take: 1, select });
  } else if (near) {
    const after = afterKey(spec.order, checkedKey(near.key, spec.order));
    [row] = await spec.read({ after, orderBy: orderByOf(spec.order), skip: rank - near.rank - 1, take: 1, select });
  } else {
    [row] = await spec.read({ orderBy: orderByOf(spec.order), skip: rank, take: 1, select });
  }
  if (!row) return null;
  const key = keyOf(row, spec.order);
  await known?.remember({ rank, key });
  return key;
}

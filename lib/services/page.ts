import type { Page } from "@/lib/schemas/responses";

type PageQuery = { page: number; per_page: number };

/** The last page that has rows (1 for an empty list). */
export function lastPage(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** A page past the end is the last page: a bulk delete of the last page, or an old link, lands there. */
export function clampPage(query: PageQuery, total: number): PageQuery {
  return { ...query, page: Math.min(query.page, lastPage(total, query.per_page)) };
}

/** The list envelope: {items, total, page, per_page, pages, cursors}; `query` is the clamped one readPage returns. */
export function pageOf<T>(items: T[], total: number, query: PageQuery, cursors?: { next_cursor: string | null; prev_cursor: string | null }): Page<T> {
  return {
    items, total, page: query.page, per_page: query.per_page, pages: Math.ceil(total / query.per_page),
    next_cursor: cursors?.next_cursor ?? null, prev_cursor: cursors?.prev_cursor ?? null,
  };
}

export function skipTake(query: PageQuery): { skip: number; take: number } {
  return { skip: (query.page - 1) * query.per_page, take: query.per_page };
}

/**
 * Every paged list's read: the rows and the count in parallel, and, only when
 * the page asked for is past the end, the last page's rows again. Returns the
 * query with the page clamped, for pageOf.
 */
export async function readPage<R>(
  query: PageQuery,
  count: () => Promise<number>,
  rows: (window: { skip: number; take: number }) => Promise<R[]>,
): Promise<{ rows: R[]; total: number; query: PageQuery }> {
  const [first, total] = await Promise.all([rows(skipTake(query)), count()]);
  const clamped = clampPage(query, total);
  if (clamped.page === query.page) return { rows: first, total, query };
  return { rows: await rows(skipTake(clamped)), total, query: clamped };
}

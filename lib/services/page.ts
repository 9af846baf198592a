import type { Page } from "@/lib/schemas/responses";

/** The list envelope: {items, total, page, per_page, pages}. */
export function pageOf<T>(items: T[], total: number, query: { page: number; per_page: number }): Page<T> {
  return { items, total, page: query.page, per_page: query.per_page, pages: Math.ceil(total / query.per_page) };
}

export function skipTake(query: { page: number; per_page: number }): { skip: number; take: number } {
  return { skip: (query.page - 1) * query.per_page, take: query.per_page };
}

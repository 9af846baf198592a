"use client";
import { pageNumbers } from "@/components/tables/page-numbers";

const sizes = [25, 50, 100, 250];

export type PageChange = { page?: number; per_page?: number; cursor?: string };

/**
 * "1–50 of 1,234", page numbers (first, last, the current one and its
 * neighbours), First/Last, Previous/Next and a page-size choice; the server
 * does the paging. Previous/Next follow the list's keyset cursors when it
 * has them (constant cost at any depth), else the page number; the choice
 * lands in the URL either way, so the view can be shared. Every button's
 * accessible name is its visible text (page numbers: "Page 12").
 */
export function Pagination({
  page,
  pages,
  perPage,
  total,
  nextCursor = null,
  prevCursor = null,
  totalExact = true,
  onChange,
}: {
  page: number;
  pages: number;
  perPage: number;
  total: number;
  nextCursor?: string | null;
  prevCursor?: string | null;
  /** false: `total` is a lower bound (the change log stops counting), so there is no Last page to offer. */
  totalExact?: boolean;
  onChange: (values: PageChange) => void;
}) {
  const first = total === 0 ? 0 : (page - 1) * perPage + 1;
  const last = Math.min(total, page * perPage);
  const lastPage = Math.max(pages, 1);
  const hasPrev = page > 1;
  const hasNext = nextCursor !== null || page < pages;
  const button =
    "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40";
  const numbers = pageNumbers(page, lastPage);
  return (
    <nav aria-label="Pagination" data-testid="pagination" className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 px-4 py-3 text-sm text-slate-600">
      <span data-testid="pagination-summary">
        {first.toLocaleString("en-US")}–{last.toLocaleString("en-US")} of {total.toLocaleString("en-US")}
        {totalExact ? "" : "+"}
      </span>
      <div className="flex flex-wrap items-center gap-1.5">
        <label className="mr-1 flex items-center gap-1.5">
          <span className="hidden sm:inline">Per page</span>
          <select
            aria-label="Rows per page"
            value={perPage}
            onChange={(event) => onChange({ per_page: Number(event.target.value) })}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          >
            {[...new Set([...sizes, perPage])].sort((a, b) => a - b).map((size) => (
              <option key={size} value={size}>{size}</option>
            ))}
          </select>
        </label>
        <button type="button" className={button} disabled={!hasPrev} onClick={() => onChange({ page: 1 })}>
          First
        </button>
        <button type="button" className={button} disabled={!hasPrev} onClick={() => onChange(prevCursor ? { cursor: prevCursor } : { page: page - 1 })}>
          <span aria-hidden="true">‹ </span>Prev
        </button>
        <ol className="flex items-center gap-1" data-testid="page-numbers">
          {numbers.map((n, i) =>
            n === "gap" ? (
              <li key={`gap-${i}`} aria-hidden="true" className="hidden px-1 text-slate-500 sm:block">…</li>
            ) : (
              <li key={n} className={n === page ? "" : "hidden sm:block"}>
                <button
                  type="button"
                  aria-label={`Page ${n.toLocaleString("en-US")}`}
                  aria-current={n === page ? "page" : undefined}
                  className={n === page ? `${button} border-slate-700 bg-slate-800 font-medium text-white hover:bg-slate-800` : button}
                  onClick={() => n !== page && onChange({ page: n })}
                >
                  <span className="tabular-nums">{n.toLocaleString("en-US")}</span>
                </button>
              </li>
            ),
          )}
          {!totalExact && <li aria-hidden="true" className="px-1 text-slate-500">…</li>}
        </ol>
        <button type="button" className={button} disabled={!hasNext} onClick={() => onChange(nextCursor ? { cursor: nextCursor } : { page: page + 1 })}>
          Next<span aria-hidden="true"> ›</span>
        </button>
        {totalExact && (
          <button type="button" className={button} disabled={page >= lastPage} onClick={() => onChange({ page: lastPage })}>
            Last
          </button>
        )}
      </div>
    </nav>
  );
}

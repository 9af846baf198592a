"use client";

const sizes = [25, 50, 100, 250];

/** "1–50 of 1,234" with previous/next and a page-size choice; the server does the paging. */
export function Pagination({
  page,
  pages,
  perPage,
  total,
  onChange,
}: {
  page: number;
  pages: number;
  perPage: number;
  total: number;
  onChange: (values: { page?: number; per_page?: number }) => void;
}) {
  const first = total === 0 ? 0 : (page - 1) * perPage + 1;
  const last = Math.min(total, page * perPage);
  const button =
    "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40";
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 px-4 py-3 text-sm text-slate-600">
      <span data-testid="pagination-summary">
        {first.toLocaleString("en-US")}–{last.toLocaleString("en-US")} of {total.toLocaleString("en-US")}
      </span>
      <div className="flex items-center gap-2">
        <label className="flex items-center gap-1.5">
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
        <button type="button" className={button} disabled={page <= 1} onClick={() => onChange({ page: page - 1 })} aria-label="Previous page">
          ‹ Prev
        </button>
        <span className="tabular-nums">
          {page.toLocaleString("en-US")} / {Math.max(pages, 1).toLocaleString("en-US")}
        </span>
        <button type="button" className={button} disabled={page >= pages} onClick={() => onChange({ page: page + 1 })} aria-label="Next page">
          Next ›
        </button>
      </div>
    </div>
  );
}

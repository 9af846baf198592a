"use client";
import { flexRender, type Table } from "@tanstack/react-table";
import { useScrollFocus } from "@/components/tables/use-scroll-focus";
import { EmptyState } from "@/components/ui/empty-state";

/**
 * Renders a @tanstack/react-table instance whose sorting, paging and filtering
 * happen on the server: a header click only changes the URL. Sortable headers
 * are buttons with aria-sort, so the table works from the keyboard.
 */
export function DataTable<T>({
  table,
  emptyTitle,
  emptyHint,
  pending = false,
  testId,
}: {
  table: Table<T>;
  emptyTitle: string;
  emptyHint?: React.ReactNode;
  pending?: boolean;
  testId?: string;
}) {
  const rows = table.getRowModel().rows;
  const scrollFocus = useScrollFocus<HTMLDivElement>("Table, scrolls sideways");
  return (
    // relative: a screen-reader-only header label (position: absolute) is clipped with the table instead of widening a phone's page.
    <div {...scrollFocus} className={`relative overflow-x-auto transition-opacity focus:outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500 ${pending ? "opacity-60" : ""}`} aria-busy={pending || undefined}>
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid={testId}>
        <thead className="bg-slate-50">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : canSort ? "none" : undefined}
                    className="whitespace-nowrap px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500"
                    style={header.column.columnDef.size && header.column.columnDef.size !== 150 ? { width: header.column.columnDef.size } : undefined}
                  >
                    {header.isPlaceholder ? null : canSort ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="group inline-flex items-center gap-1 rounded uppercase hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden className={sorted ? "text-indigo-600" : "text-slate-300 group-hover:text-slate-400"}>
                          {sorted === "desc" ? "▼" : sorted === "asc" ? "▲" : "↕"}
                        </span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        {/* Cell and row styles are set once here, not on each of a 250-row page's 2,500 cells (issue 13: the hosts page's HTML size). */}
        <tbody className="divide-y divide-slate-100 bg-white [&>tr:hover:not([data-selected])]:bg-slate-50 [&>tr[data-selected]]:bg-indigo-50/60 [&>tr>td]:whitespace-nowrap [&>tr>td]:px-3 [&>tr>td]:py-2 [&>tr>td]:align-middle [&>tr>td]:text-slate-700">
          {rows.map((row) => (
            <tr key={row.id} data-selected={row.getIsSelected() || undefined}>
              {row.getVisibleCells().map((cell) => (
                <td key={cell.id}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <EmptyState title={emptyTitle}>{emptyHint}</EmptyState>}
    </div>
  );
}

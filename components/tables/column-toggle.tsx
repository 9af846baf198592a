"use client";
import type { Table } from "@tanstack/react-table";
import { useDismissableDetails } from "@/components/ui/use-dismissable-details";

/** A "Columns" menu of checkboxes; the choice is kept by the caller (localStorage). Escape or a click outside closes it. */
export function ColumnToggle<T>({ table }: { table: Table<T> }) {
  const menu = useDismissableDetails();
  const columns = table.getAllLeafColumns().filter((column) => column.getCanHide());
  return (
    <details ref={menu} className="relative" data-testid="columns-menu">
      <summary className="flex cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
        Columns <span aria-hidden className="text-slate-400">▾</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-48 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
        {columns.map((column) => (
          <label key={column.id} className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-slate-50">
            <input
              type="checkbox"
              checked={column.getIsVisible()}
              onChange={column.getToggleVisibilityHandler()}
              className="h-4 w-4 rounded border-slate-300 accent-indigo-600"
            />
            {typeof column.columnDef.header === "string" ? column.columnDef.header : column.id}
          </label>
        ))}
      </div>
    </details>
  );
}

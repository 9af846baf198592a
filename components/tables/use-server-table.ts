"use client";
import {
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type OnChangeFn,
  type RowSelectionState,
  type SortingState,
  type VisibilityState,
} from "@tanstack/react-table";
import { sortingToParam } from "@/components/tables/sorting";
import type { Page } from "@/lib/schemas/responses";

/**
 * A table over one server-rendered page of a list: paging, sorting and
 * filtering happen on the server, so the table never reorders or slices rows
 * itself. A header click hands the new `sort` parameter (null for the
 * default order) to `onSort`, which puts it in the URL.
 */
export function useServerTable<T extends { id: number }>({
  page,
  columns,
  sorting,
  defaultSort,
  onSort,
  columnVisibility,
  onColumnVisibilityChange,
  rowSelection,
  onRowSelectionChange,
}: {
  page: Page<T>;
  columns: ColumnDef<T>[];
  sorting: SortingState;
  /** The list's default sort field, left out of the URL. */
  defaultSort: string;
  onSort: (sort: string | null) => void;
  columnVisibility: VisibilityState;
  onColumnVisibilityChange: OnChangeFn<VisibilityState>;
  rowSelection?: RowSelectionState;
  onRowSelectionChange?: OnChangeFn<RowSelectionState>;
}) {
  return useReactTable({
    data: page.items,
    columns,
    getRowId: (row) => String(row.id),
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    manualFiltering: true,
    enableSortingRemoval: false,
    sortDescFirst: false,
    rowCount: page.total,
    state: { sorting, columnVisibility, ...(rowSelection ? { rowSelection } : {}) },
    onColumnVisibilityChange,
    ...(onRowSelectionChange ? { onRowSelectionChange } : {}),
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      onSort(sortingToParam(next, defaultSort));
    },
  });
}

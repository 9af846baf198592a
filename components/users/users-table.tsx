"use client";
import type { ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { ColumnToggle } from "@/components/tables/column-toggle";
import { DataTable } from "@/components/tables/data-table";
import { FilterBar, type FilterField } from "@/components/tables/filter-bar";
import { Pagination } from "@/components/tables/pagination";
import { sortingFromParam } from "@/components/tables/sorting";
import { useListParams } from "@/components/tables/use-list-params";
import { useServerTable } from "@/components/tables/use-server-table";
import { useStoredVisibility } from "@/components/tables/use-stored-visibility";
import { formatDate } from "@/components/ui/format-date";
import { roleOptions } from "@/components/users/role-options";
import { UserRowActions } from "@/components/users/user-row-actions";
import type { Page } from "@/lib/schemas/responses";
import type { UserOut } from "@/lib/schemas/user";

/** Users with server-side search, role filter, sort and paging; each row carries its own controls. */
export function UsersTable({ page, sort, filters, currentUserId }: {
  page: Page<UserOut>;
  sort: { field: string; desc: boolean };
  filters: Record<string, string>;
  currentUserId: number | null;
}) {
  const { update, pending } = useListParams();
  const [columnVisibility, setColumnVisibility] = useStoredVisibility("users-columns", { created_at: false });
  const sorting = useMemo(() => sortingFromParam(sort), [sort]);

  const columns = useMemo<ColumnDef<UserOut>[]>(() => [
    {
      accessorKey: "email",
      header: "Email",
      enableHiding: false,
      cell: ({ row }) => (
        <span className="font-medium text-slate-900" data-testid="user-email">
          {row.original.email}
          {row.original.id === currentUserId && <span className="ml-1.5 text-xs font-normal text-slate-500">(you)</span>}
        </span>
      ),
    },
    { accessorKey: "name", header: "Name", cell: ({ row }) => row.original.name ?? <span className="text-slate-500">—</span> },
    { accessorKey: "role", header: "Role" },
    {
      id: "status",
      header: "Status",
      enableSorting: false,
      cell: ({ row }) => (row.original.disabled
        ? <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs font-medium text-red-700">disabled</span>
        : <span className="rounded bg-emerald-50 px-1.5 py-0.5 text-xs font-medium text-emerald-700">active</span>),
    },
    { accessorKey: "auth_source", header: "Sign-in", enableSorting: false },
    { accessorKey: "last_login_at", header: "Last sign-in", cell: ({ row }) => <span className="text-xs text-slate-500">{formatDate(row.original.last_login_at)}</span> },
    { accessorKey: "created_at", header: "Created", cell: ({ row }) => <span className="text-xs text-slate-500">{formatDate(row.original.created_at)}</span> },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      enableSorting: false,
      enableHiding: false,
      cell: ({ row }) => <UserRowActions user={row.original} isSelf={row.original.id === currentUserId} />,
    },
  ], [currentUserId]);

  const table = useServerTable({
    page,
    columns,
    sorting,
    defaultSort: "email",
    onSort: (param) => update({ sort: param }),
    columnVisibility,
    onColumnVisibilityChange: setColumnVisibility,
  });

  const fields: FilterField[] = [
    { kind: "select", name: "role", label: "Role", options: [{ value: "", label: "Any role" }, ...roleOptions], width: "w-36" },
  ];

  return (
    <div>
      <FilterBar fields={fields} values={filters} searchLabel="Search users" searchPlaceholder="Email or name" onApply={(values) => update(values)} pending={pending} />
      <div className="flex items-center justify-end px-4 py-2">
        <ColumnToggle table={table} />
      </div>
      <DataTable table={table} emptyTitle="No users match" emptyHint="Change the search or create a user." pending={pending} testId="users-table" />
      <Pagination page={page.page} pages={page.pages} perPage={page.per_page} total={page.total} nextCursor={page.next_cursor} prevCursor={page.prev_cursor} onChange={(values) => update(values)} />
    </div>
  );
}

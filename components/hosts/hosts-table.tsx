"use client";
import type { ColumnDef, RowSelectionState } from "@tanstack/react-table";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { BulkActions } from "@/components/hosts/bulk-actions";
import { statusOptions } from "@/components/hosts/status-options";
import { ColumnToggle } from "@/components/tables/column-toggle";
import { DataTable } from "@/components/tables/data-table";
import { ExportMenu } from "@/components/tables/export-menu";
import { FilterBar, type FilterField } from "@/components/tables/filter-bar";
import { Pagination } from "@/components/tables/pagination";
import { sortingFromParam } from "@/components/tables/sorting";
import { useListParams } from "@/components/tables/use-list-params";
import { useServerTable } from "@/components/tables/use-server-table";
import { useStoredVisibility } from "@/components/tables/use-stored-visibility";
import { formatDate } from "@/components/ui/format-date";
import { StatusBadge } from "@/components/ui/status-badge";
import type { HostRow } from "@/components/hosts/host-rows";
import type { Page } from "@/lib/schemas/responses";
import type { NetworkOption } from "@/lib/services/views/list-network-options";
import type { NetworkLabel } from "@/lib/services/views/get-network-labels";

export interface HostsTableProps {
  /** Cut down with hostRows (host-rows.ts): only what the columns show travels to the browser. */
  page: Page<HostRow>;
  sort: { field: string; desc: boolean };
  filters: Record<string, string>;
  labels: Record<number, NetworkLabel>;
  canWrite: boolean;
  /** Network picker for the filter; omitted on a network's own page. */
  networks?: NetworkOption[];
  /** On a network's own page: its id, which its Export menu ("Export this network") adds to the filters. */
  networkId?: number;
}

/** Hosts with server-side paging, numeric address sort, filters, search and bulk actions. */
export function HostsTable({ page, sort, filters, labels, canWrite, networks, networkId }: HostsTableProps) {
  const { update, pending } = useListParams();
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [columnVisibility, setColumnVisibility] = useStoredVisibility(networks ? "hosts-columns" : "network-hosts-columns", {
    cname: false,
    last_seen: false,
  });
  const sorting = useMemo(() => sortingFromParam(sort), [sort]);

  // A new page of rows is a new selection: ids from another page are not on screen.
  useEffect(() => setRowSelection({}), [page]);

  const columns = useMemo<ColumnDef<HostRow>[]>(() => {
    const list: ColumnDef<HostRow>[] = [];
    if (canWrite) {
      list.push({
        id: "select",
        enableSorting: false,
        enableHiding: false,
        size: 36,
        header: ({ table }) => (
          <input
            type="checkbox"
            aria-label="Select all hosts on this page"
            className="h-4 w-4 rounded border-slate-300 accent-indigo-600"
            checked={table.getIsAllPageRowsSelected()}
            ref={(el) => {
              if (el) el.indeterminate = table.getIsSomePageRowsSelected();
            }}
            onChange={table.getToggleAllPageRowsSelectedHandler()}
          />
        ),
        cell: ({ row }) => (
          <input
            type="checkbox"
            aria-label={`Select ${row.original.ip_address}`}
            className="h-4 w-4 rounded border-slate-300 accent-indigo-600"
            checked={row.getIsSelected()}
            onChange={row.getToggleSelectedHandler()}
          />
        ),
      });
    }
    list.push(
      {
        accessorKey: "ip_address",
        header: "IP address",
        enableHiding: false,
        cell: ({ row }) => (
          <Link href={`/hosts/${row.original.id}`} prefetch={false} className="font-mono font-medium text-indigo-700 hover:underline" data-testid="host-ip">
            {row.original.ip_address}
          </Link>
        ),
      },
      { accessorKey: "hostname", header: "Hostname", cell: ({ row }) => row.original.hostname ?? <span className="text-slate-500">—</span> },
      {
        accessorKey: "mac_address",
        header: "MAC",
        cell: ({ row }) => (row.original.mac_address ? <span className="font-mono text-xs">{row.original.mac_address}</span> : <span className="text-slate-500">—</span>),
      },
      { accessorKey: "status", header: "Status", cell: ({ row }) => <StatusBadge status={row.original.status} /> },
    );
    if (networks) {
      list.push({
        accessorKey: "network_id",
        header: "Network",
        cell: ({ row }) => {
          const label = row.original.network_id ? labels[row.original.network_id] : undefined;
          return label ? (
            <Link href={`/networks/${label.id}`} prefetch={false} className="hover:underline">
              <span className="font-mono text-xs">{label.prefix}</span>
              {label.name && <span className="ml-1.5 text-slate-500">{label.name}</span>}
            </Link>
          ) : (
            <span className="text-slate-500">none</span>
          );
        },
      });
    }
    list.push(
      { accessorKey: "cname", header: "CNAME", enableSorting: false, cell: ({ row }) => row.original.cname ?? <span className="text-slate-500">—</span> },
      {
        accessorKey: "description",
        header: "Description",
        enableSorting: false,
        cell: ({ row }) => row.original.description && <span className="block max-w-72 truncate" title={row.original.description}>{row.original.description}</span>,
      },
      { accessorKey: "last_seen", header: "Last seen", cell: ({ row }) => <span className="text-xs text-slate-500">{formatDate(row.original.last_seen)}</span> },
      { accessorKey: "updated_at", header: "Updated", cell: ({ row }) => <span className="text-xs text-slate-500">{formatDate(row.original.updated_at)}</span> },
    );
    return list;
  }, [canWrite, labels, networks]);

  const table = useServerTable({
    page,
    columns,
    sorting,
    defaultSort: "ip_address",
    onSort: (param) => update({ sort: param }),
    columnVisibility,
    onColumnVisibilityChange: setColumnVisibility,
    rowSelection,
    onRowSelectionChange: setRowSelection,
  });

  const fields: FilterField[] = [
    { kind: "select", name: "status", label: "Status", options: [{ value: "", label: "Any status" }, ...statusOptions], width: "w-36" },
    ...(networks
      ? [{
          kind: "select" as const,
          name: "network_id",
          label: "Network",
          options: [{ value: "", label: "Any network" }, { value: "null", label: "No network" }, ...networks.map((n) => ({ value: String(n.id), label: `${n.prefix}${n.name ? ` — ${n.name}` : ""}` }))],
          width: "min-w-44 flex-1",
        }]
      : []),
    { kind: "text", name: "hostname", label: "Hostname", placeholder: "part of a name" },
    { kind: "text", name: "mac_address", label: "MAC", placeholder: "aa:bb:cc:dd:ee:ff" },
  ];
  const selectedIds = Object.keys(rowSelection).filter((key) => rowSelection[key]).map(Number);

  return (
    <div>
      <FilterBar
        fields={fields}
        values={filters}
        searchLabel="Search hosts"
        searchPlaceholder="Address, name, MAC, alias, description"
        onApply={(values) => update(values)}
        pending={pending}
      />
      <div className="flex items-center justify-between gap-2 px-4 py-2">
        <p className="text-xs text-slate-500">Sorted by {sort.field.replace("_", " ")} {sort.desc ? "descending" : "ascending"}</p>
        <div className="flex items-center gap-2">
          <ColumnToggle table={table} />
          <ExportMenu
            type="hosts"
            table={table}
            scope={networkId === undefined ? undefined : { network_id: String(networkId) }}
            label={networkId === undefined ? "Export" : "Export this network"}
          />
        </div>
      </div>
      {canWrite && selectedIds.length > 0 && (
        <BulkActions
          ids={selectedIds}
          matching={table.getIsAllPageRowsSelected() ? { filter: networkId === undefined ? filters : { ...filters, network_id: String(networkId) }, total: page.total } : undefined}
          onDone={() => setRowSelection({})}
        />
      )}
      <DataTable table={table} emptyTitle="No hosts match" emptyHint="Change the filters or add a host." pending={pending} testId="hosts-table" />
      <Pagination page={page.page} pages={page.pages} perPage={page.per_page} total={page.total} nextCursor={page.next_cursor} prevCursor={page.prev_cursor} onChange={(values) => update(values)} />
    </div>
  );
}

"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { ColumnToggle } from "@/components/tables/column-toggle";
import { ExportMenu } from "@/components/tables/export-menu";
import { DataTable } from "@/components/tables/data-table";
import { NetworkStatusBadge } from "@/components/networks/network-status";
import { OverThresholdBadge } from "@/components/networks/over-threshold-badge";
import { FilterBar, type FilterField } from "@/components/tables/filter-bar";
import { Pagination } from "@/components/tables/pagination";
import { sortingFromParam } from "@/components/tables/sorting";
import { useListParams } from "@/components/tables/use-list-params";
import { useServerTable } from "@/components/tables/use-server-table";
import { useStoredVisibility } from "@/components/tables/use-stored-visibility";
import { Count } from "@/components/ui/count";
import { UtilizationBar } from "@/components/ui/utilization-bar";
import type { NetworkOut, Page } from "@/lib/schemas/responses";

const muted = <span className="text-slate-500">—</span>;

/**
 * Networks as an indented tree when sorted by prefix ascending (children
 * under their parent), otherwise as a flat table. Paging, numeric prefix sort and filters
 * run on the server.
 */
export function NetworksTable({
  page,
  sort,
  filters,
  depths,
  defaultThreshold,
}: {
  page: Page<NetworkOut>;
  sort: { field: string; desc: boolean };
  filters: Record<string, string>;
  depths: Record<number, number> | null;
  /** UTILIZATION_WARN_PERCENT: the threshold of networks without their own. */
  defaultThreshold: number;
}) {
  const { update, pending } = useListParams();
  const [columnVisibility, setColumnVisibility] = useStoredVisibility("networks-columns", { description: false });
  const sorting = useMemo(() => sortingFromParam({ field: sort.field === "prefix" ? "network" : sort.field, desc: sort.desc }), [sort]);

  const columns = useMemo<ColumnDef<NetworkOut>[]>(
    () => [
      {
        accessorKey: "network",
        header: "Prefix",
        enableHiding: false,
        cell: ({ row }) => {
          const depth = depths?.[row.original.id] ?? 0;
          return (
            <span className="flex items-center" style={{ paddingLeft: `${Math.min(depth, 8) * 1.25}rem` }}>
              {depth > 0 && <span aria-hidden className="mr-1.5 text-slate-300">└</span>}
              <Link href={`/networks/${row.original.id}`} prefetch={false} className="font-mono font-medium text-indigo-700 hover:underline" data-testid="network-prefix" data-depth={depth}>
                {row.original.prefix}
              </Link>
            </span>
          );
        },
      },
      { accessorKey: "name", header: "Name", cell: ({ row }) => row.original.name ?? muted },
      {
        accessorKey: "status",
        header: "Status",
        enableSorting: false,
        cell: ({ row }) => <NetworkStatusBadge status={row.original.status} />,
      },
      { accessorKey: "vlan_id", header: "VLAN", cell: ({ row }) => row.original.vlan_id ?? muted },
      { accessorKey: "location", header: "Location", cell: ({ row }) => row.original.location ?? muted },
      { accessorKey: "domain", header: "Domain", cell: ({ row }) => row.original.domain ?? muted },
      {
        accessorKey: "description",
        header: "Description",
        enableSorting: false,
        cell: ({ row }) => <span className="block max-w-64 truncate">{row.original.description ?? ""}</span>,
      },
      {
        id: "utilization",
        header: "Utilization",
        enableSorting: false,
        cell: ({ row }) => (
          <span className="flex items-center gap-2">
            <UtilizationBar percent={row.original.utilization} className="w-40" label={`${row.original.prefix} utilization`} />
            {row.original.over_threshold && <OverThresholdBadge threshold={row.original.utilization_threshold ?? defaultThreshold} />}
          </span>
        ),
      },
      {
        id: "usage",
        header: "Used / total",
        enableSorting: false,
        cell: ({ row }) => (
          // IPv6 totals are 40+ characters: they wrap at their commas inside a bounded column.
          <span className="block min-w-24 max-w-56 whitespace-normal text-xs tabular-nums text-slate-600" data-testid="network-usage">
            <Count value={row.original.used_hosts} /> / <Count value={row.original.total_hosts} />
          </span>
        ),
      },
    ],
    [depths, defaultThreshold],
  );

  const table = useServerTable({
    page,
    columns,
    sorting,
    defaultSort: "network",
    onSort: (param) => update({ sort: param }),
    columnVisibility,
    onColumnVisibilityChange: setColumnVisibility,
  });

  const fields: FilterField[] = [
    { kind: "text", name: "name", label: "Name", placeholder: "part of a name" },
    { kind: "text", name: "domain", label: "Domain", placeholder: "part of a domain" },
    { kind: "text", name: "vlan_id", label: "VLAN", placeholder: "1–4094", width: "w-24" },
    { kind: "text", name: "location", label: "Location", placeholder: "part of a location" },
    {
      kind: "select",
      name: "family",
      label: "Family",
      width: "w-28",
      options: [{ value: "", label: "Any" }, { value: "4", label: "IPv4" }, { value: "6", label: "IPv6" }],
    },
    {
      kind: "select",
      name: "over_threshold",
      label: "Utilization",
      width: "w-40",
      options: [{ value: "", label: "Any" }, { value: "true", label: "Over threshold" }, { value: "false", label: "Under threshold" }],
    },
  ];

  return (
    <div>
      <FilterBar fields={fields} values={filters} searchLabel="Search networks" searchPlaceholder="Prefix, IP address, name, domain, location…" onApply={(v) => update(v)} pending={pending} />
      <div className="flex items-center justify-between gap-2 px-4 py-2">
        <p className="text-xs text-slate-500">{depths ? "Tree view: child networks are indented under their parent" : "Flat view (sort by prefix, ascending, for the tree)"}</p>
        <div className="flex items-center gap-2">
          <ColumnToggle table={table} />
          <ExportMenu type="networks" table={table} />
        </div>
      </div>
      <DataTable table={table} emptyTitle="No networks match" emptyHint="Change the filters or create a network." pending={pending} testId="networks-table" />
      <Pagination page={page.page} pages={page.pages} perPage={page.per_page} total={page.total} nextCursor={page.next_cursor} prevCursor={page.prev_cursor} onChange={(v) => update(v)} />
    </div>
  );
}

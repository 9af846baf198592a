"use client";
import type { ColumnDef } from "@tanstack/react-table";
import Link from "next/link";
import { useMemo } from "react";
import { ChangeActionBadge } from "@/components/changes/change-action-badge";
import { ChangeActor } from "@/components/changes/change-actor";
import { ChangeObjectLink } from "@/components/changes/change-object-link";
import type { ChangeRow } from "@/components/changes/change-rows";
import { describeGroup, objectTypeLabel, shortRequestId, shownFields } from "@/components/changes/change-text";
import { DataTable } from "@/components/tables/data-table";
import { FilterBar, type FilterField } from "@/components/tables/filter-bar";
import { Pagination } from "@/components/tables/pagination";
import { useListParams } from "@/components/tables/use-list-params";
import { useServerTable } from "@/components/tables/use-server-table";
import { formatDate } from "@/components/ui/format-date";
import type { ChangePage } from "@/lib/schemas/change";

export interface ChangesTableProps {
  page: ChangePage<ChangeRow>;
  filters: Record<string, string>;
  /** Users' and API tokens' records are an admin's to read: only then offered as a filter. */
  objectTypes: readonly string[];
}

const requestHref = (requestId: string) => `/changes?request_id=${encodeURIComponent(requestId)}`;
const muted = <span className="text-slate-500">—</span>;

function What({ row }: { row: ChangeRow }) {
  if (row.kind === "group") {
    const { group } = row;
    const text = describeGroup(group);
    return (
      <span data-testid="change-group">
        {text}{" "}
        <span className="text-xs text-slate-500">
          (request <span className="font-mono" title={group.request_id}>{shortRequestId(group.request_id)}</span>)
        </span>
      </span>
    );
  }
  const { change } = row;
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <ChangeActionBadge action={change.action} />
      <span className="text-xs text-slate-500">{objectTypeLabel(change.object_type)}</span>
      <ChangeObjectLink change={change} gone={row.gone} />
    </span>
  );
}

function Fields({ row }: { row: ChangeRow }) {
  if (row.kind === "group") return <span className="text-xs text-slate-500">{row.group.count.toLocaleString("en-US")} changes</span>;
  const { change } = row;
  if (change.action !== "update") return <span className="text-xs text-slate-500">{change.action === "create" ? "all fields" : "the whole object"}</span>;
  const fields = shownFields(change).join(", ");
  return (
    <span className="block max-w-64 truncate font-mono text-xs" title={fields}>
      {fields}
    </span>
  );
}

/**
 * The change log, newest first, paged and filtered on the server. A row
 * links to its object and to its diff; a request with many records is one
 * row that opens as the list of that request's records.
 */
export function ChangesTable({ page, filters, objectTypes }: ChangesTableProps) {
  const { update, pending } = useListParams();

  const columns = useMemo<ColumnDef<ChangeRow>[]>(() => [
    {
      id: "time",
      header: "Time",
      cell: ({ row }) => {
        const time = row.original.kind === "group" ? row.original.group.time : row.original.change.time;
        return <time dateTime={time} className="text-xs text-slate-600">{formatDate(time)}</time>;
      },
    },
    {
      id: "actor",
      header: "Who",
      cell: ({ row }) => <ChangeActor actor={row.original.kind === "group" ? row.original.group.actor : row.original.change.actor} />,
    },
    { id: "what", header: "What", cell: ({ row }) => <What row={row.original} /> },
    { id: "fields", header: "Changed", cell: ({ row }) => <Fields row={row.original} /> },
    {
      id: "message",
      header: "Message",
      cell: ({ row }) => {
        const message = row.original.kind === "group" ? row.original.group.message : row.original.change.message;
        return message ? <span className="block max-w-64 truncate" title={message}>{message}</span> : muted;
      },
    },
    { id: "source", header: "Source", cell: ({ row }) => <span className="text-xs text-slate-600">{row.original.kind === "group" ? row.original.group.source : row.original.change.source}</span> },
    {
      id: "open",
      header: () => <span className="sr-only">Details</span>,
      cell: ({ row }) =>
        row.original.kind === "group" ? (
          <Link href={requestHref(row.original.group.request_id)} prefetch={false} className="font-medium text-indigo-700 hover:underline">
            Show {row.original.group.count.toLocaleString("en-US")} changes
          </Link>
        ) : (
          <Link href={`/changes/${row.original.change.id}`} prefetch={false} className="font-medium text-indigo-700 hover:underline" aria-label={`Diff of change ${row.original.change.id}`}>
            Diff
          </Link>
        ),
    },
  ], []);

  const table = useServerTable({
    page,
    columns: columns.map((c) => ({ ...c, enableSorting: false, enableHiding: false })),
    // Newest first is the only order: records are found by id, the time order they were written in.
    sorting: [],
    defaultSort: "time",
    onSort: () => {},
    columnVisibility: {},
    onColumnVisibilityChange: () => {},
  });

  const fields: FilterField[] = [
    { kind: "text", name: "actor", label: "Actor", placeholder: "name as recorded" },
    { kind: "select", name: "object_type", label: "Object type", options: [{ value: "", label: "Any type" }, ...objectTypes.map((t) => ({ value: t, label: objectTypeLabel(t) }))], width: "w-36" },
    { kind: "text", name: "object_id", label: "Object id", placeholder: "id", width: "w-24" },
    {
      kind: "select",
      name: "action",
      label: "Action",
      options: [{ value: "", label: "Any action" }, { value: "create", label: "create" }, { value: "update", label: "update" }, { value: "delete", label: "delete" }],
      width: "w-32",
    },
    { kind: "text", name: "since", label: "Since", placeholder: "2026-12-01", width: "w-44" },
    { kind: "text", name: "until", label: "Until", placeholder: "2026-12-02T18:00Z", width: "w-44" },
    { kind: "text", name: "request_id", label: "Request id", placeholder: "UUID", width: "min-w-44 flex-1" },
  ];

  return (
    <div>
      <FilterBar
        fields={fields}
        values={filters}
        searchLabel="Search changes"
        searchPlaceholder="Object, actor or message"
        onApply={(values) => update(values)}
        pending={pending}
      />
      <DataTable table={table} emptyTitle="No changes match" emptyHint="Change the filters, or make a change." pending={pending} testId="changes-table" />
      <Pagination page={page.page} pages={page.pages} perPage={page.per_page} total={page.total} totalExact={page.total_exact} nextCursor={page.next_cursor} prevCursor={page.prev_cursor} onChange={(values) => update(values)} />
    </div>
  );
}

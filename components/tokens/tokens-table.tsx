"use client";
import { getCoreRowModel, useReactTable, type ColumnDef } from "@tanstack/react-table";
import { useMemo } from "react";
import { DataTable } from "@/components/tables/data-table";
import { RevokeTokenButton } from "@/components/tokens/revoke-token-button";
import { formatDate } from "@/components/ui/format-date";
import type { ApiTokenOut } from "@/lib/schemas/api-token";

function restrictions(t: ApiTokenOut): string {
  const parts = [t.read_only ? "read-only" : null, t.allowed_cidrs.length ? `from ${t.allowed_cidrs.join(", ")}` : null];
  return parts.filter(Boolean).join("; ") || "—";
}

/** API tokens with their hint, role, restrictions and dates; `showOwner` on the admin page. Never the token itself. */
export function TokensTable({ tokens, showOwner = false }: { tokens: ApiTokenOut[]; showOwner?: boolean }) {
  const columns = useMemo<ColumnDef<ApiTokenOut>[]>(
    () => [
      { id: "name", header: "Name", cell: ({ row }) => <span className="font-medium text-slate-900">{row.original.name}</span> },
      { id: "hint", header: "Token", cell: ({ row }) => <code className="text-xs text-slate-600">{row.original.token_hint}…</code> },
      ...(showOwner
        ? [{ id: "owner", header: "Owner", cell: ({ row }) => row.original.owner?.email ?? <span className="text-slate-500">admin CLI</span> } satisfies ColumnDef<ApiTokenOut>]
        : []),
      { id: "role", header: "Role", cell: ({ row }) => row.original.role },
      { id: "limits", header: "Restrictions", cell: ({ row }) => restrictions(row.original) },
      { id: "created", header: "Created", cell: ({ row }) => formatDate(row.original.created_at) },
      { id: "used", header: "Last used", cell: ({ row }) => formatDate(row.original.last_used_at) },
      { id: "expires", header: "Expires", cell: ({ row }) => (row.original.expires_at ? formatDate(row.original.expires_at) : "never") },
      { id: "actions", header: () => <span className="sr-only">Actions</span>, cell: ({ row }) => <RevokeTokenButton tokenId={row.original.id} name={row.original.name} /> },
    ],
    [showOwner],
  );
  const table = useReactTable({ data: tokens, columns, getCoreRowModel: getCoreRowModel(), getRowId: (t) => String(t.id) });
  return <DataTable table={table} emptyTitle="No API tokens yet" testId="tokens-table" />;
}

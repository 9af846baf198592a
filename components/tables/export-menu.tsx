"use client";
import type { Table } from "@tanstack/react-table";
import { useSearchParams } from "next/navigation";
import { useDismissableDetails } from "@/components/ui/use-dismissable-details";
import { hostExportQuery, networkExportQuery, type ExportType } from "@/plugins/export/export-query";

// A table's Export menu: the same rows the table shows (its filters and sort,
// read from the URL like the list page itself) with the columns it shows, in
// its order, as CSV, JSON or XLSX from GET /api/v1/export/{format} (the API
// accepts the session).

/** Table column id → the export's columns (CSV/XLSX and JSON) that hold what the column shows. */
type ColumnMap = Record<string, { table: string[]; json: string[] }>;
const same = (name: string) => ({ table: [name], json: [name] });

const COLUMNS: Record<ExportType, ColumnMap> = {
  hosts: {
    ip_address: same("ip_address"),
    hostname: same("hostname"),
    mac_address: same("mac_address"),
    status: same("status"),
    // The table shows the network's prefix; the API object has its id.
    network_id: { table: ["network"], json: ["network_id"] },
    cname: same("cname"),
    description: same("description"),
    last_seen: same("last_seen"),
    updated_at: same("updated_at"),
  },
  networks: {
    network: same("prefix"),
    name: same("name"),
    status: same("status"),
    vlan_id: same("vlan_id"),
    location: same("location"),
    domain: same("domain"),
    description: same("description"),
    utilization: same("utilization"),
    usage: { table: ["used_hosts", "total_hosts"], json: ["used_hosts", "total_hosts"] },
  },
};

// Filters and sort the export takes; paging (page, per_page, cursor) is not among them.
const QUERY_KEYS: Record<ExportType, string[]> = {
  hosts: Object.keys(hostExportQuery.shape),
  networks: Object.keys(networkExportQuery.shape),
};

const FORMATS = [
  { name: "csv", label: "CSV" },
  { name: "json", label: "JSON" },
  { name: "xlsx", label: "Excel (XLSX)" },
] as const;

export interface ExportMenuProps<T> {
  type: ExportType;
  table: Table<T>;
  /** Filters the page applies without a URL parameter (a network page's network_id). */
  scope?: Record<string, string>;
  label?: string;
}

/** The export URL of one format for the table's current view. */
export function exportHref(format: string, type: ExportType, params: URLSearchParams, visible: string[], scope: Record<string, string> = {}): string {
  const query = new URLSearchParams({ type });
  for (const key of QUERY_KEYS[type]) {
    const value = params.get(key);
    if (value) query.set(key, value);
  }
  for (const [key, value] of Object.entries(scope)) query.set(key, value);
  const map = COLUMNS[type];
  const columns = visible.flatMap((id) => (format === "json" ? map[id]?.json : map[id]?.table) ?? []);
  if (columns.length) query.set("columns", columns.join(","));
  return `/api/v1/export/${format}?${query.toString()}`;
}

export function ExportMenu<T>({ type, table, scope, label = "Export" }: ExportMenuProps<T>) {
  const menu = useDismissableDetails();
  const params = useSearchParams();
  const visible = table.getVisibleLeafColumns().map((column) => column.id);
  return (
    <details ref={menu} className="relative" data-testid="export-menu">
      <summary className="flex cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 [&::-webkit-details-marker]:hidden">
        <span aria-hidden>⤓</span> {label} <span aria-hidden className="text-slate-500">▾</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-64 rounded-md border border-slate-200 bg-white p-1 shadow-lg">
        <p className="px-2 py-1.5 text-xs text-slate-600">The rows and columns shown, with the filters and sort applied</p>
        <ul>
          {FORMATS.map((format) => (
            <li key={format.name}>
              <a
                href={exportHref(format.name, type, params, visible, scope)}
                download
                data-testid={`export-${format.name}`}
                className="block rounded px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500"
              >
                {format.label}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}

"use client";
import type { BulkEditOut } from "@/lib/schemas/host-bulk";

/** Rows of the preview shown at once; the rest are counted. */
const SHOWN = 100;

const FIELD_LABELS: Record<string, string> = {
  status: "Status", description: "Description", discovery_source: "Discovery source", allow_duplicate_name: "Round-robin DNS",
  hostname: "Hostname", cname: "Aliases", mac_address: "MAC", last_seen: "Last seen",
};

function show(value: string | boolean | null) {
  if (value === null || value === "") return <span className="italic text-slate-500">empty</span>;
  if (typeof value === "boolean") return value ? "yes" : "no";
  return value;
}

/** What a bulk edit changes: per host, only its changed fields, before → after; hosts already at the values are counted. */
export function BulkEditPreview({ preview }: { preview: BulkEditOut }) {
  const { changed, unchanged, hosts } = preview;
  return (
    <div className="space-y-2" data-testid="bulk-edit-preview">
      <p className="text-sm text-slate-700" data-testid="bulk-edit-summary">
        {changed === 0 ? "No host changes: " : `${changed} host${changed === 1 ? "" : "s"} will change`}
        {unchanged > 0 && `${changed === 0 ? "" : "; "}${unchanged} already ha${unchanged === 1 ? "s" : "ve"} these values and stay${unchanged === 1 ? "s" : ""} as ${unchanged === 1 ? "it is" : "they are"}`}
        {changed === 0 && unchanged === 0 && "nothing selected"}.
      </p>
      {hosts.length > 0 && (
        <div className="max-h-72 overflow-auto rounded-md border border-slate-200">
          <table className="w-full text-left text-xs">
            <thead className="sticky top-0 bg-slate-50 text-slate-600">
              <tr><th scope="col" className="px-2 py-1.5">Host</th><th scope="col" className="px-2 py-1.5">Field</th><th scope="col" className="px-2 py-1.5">Before</th><th scope="col" className="px-2 py-1.5">After</th></tr>
            </thead>
            <tbody>
              {hosts.slice(0, SHOWN).flatMap((host) =>
                Object.entries(host.changes).map(([field, { before, after }], i) => (
                  <tr key={`${host.id}-${field}`} className="border-t border-slate-100 align-top">
                    <td className="px-2 py-1 font-mono">{i === 0 ? host.ip_address : ""}</td>
                    <td className="px-2 py-1">{FIELD_LABELS[field] ?? field}</td>
                    <td className="max-w-40 truncate px-2 py-1 text-slate-600">{show(before)}</td>
                    <td className="max-w-40 truncate px-2 py-1 font-medium">{show(after)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </div>
      )}
      {hosts.length > SHOWN && <p className="text-xs text-slate-600">and {hosts.length - SHOWN} more hosts.</p>}
    </div>
  );
}

/** A refused edit: the service's message and the hosts it names. */
export function BulkEditRefusal({ message, details }: { message: string; details?: Record<string, unknown> }) {
  const hosts = Array.isArray(details?.hosts) ? (details.hosts as Array<{ id: number; ip_address: string; errors: string[] }>) : [];
  return (
    <div role="alert" className="space-y-1 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="bulk-edit-refused">
      <p>{message}</p>
      {hosts.length > 0 && (
        <ul className="max-h-40 list-disc overflow-auto pl-5 text-xs">
          {hosts.map((h) => <li key={h.id}><span className="font-mono">{h.ip_address}</span>: {h.errors.join("; ")}</li>)}
        </ul>
      )}
    </div>
  );
}

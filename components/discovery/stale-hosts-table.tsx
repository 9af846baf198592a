import Link from "next/link";
import { formatDate } from "@/components/ui/format-date";
import type { StaleHosts } from "@/lib/services/discovery/list-stale-hosts";

/** Hosts not seen for N days: candidates to free, for a person to decide (nothing here frees them). */
export function StaleHostsTable({ stale }: { stale: StaleHosts }) {
  if (stale.items.length === 0) return <p className="text-sm text-slate-600" data-testid="stale-empty">No host has gone unseen for {stale.days} days.</p>;
  return (
    <div className="relative overflow-x-auto" data-testid="stale-hosts">
      <p className="mb-2 text-sm text-slate-600">{stale.total} host{stale.total === 1 ? "" : "s"} not seen since {formatDate(stale.cutoff)} ({stale.days} days), oldest first.</p>
      <table className="min-w-full text-sm">
        <thead className="text-left text-xs uppercase text-slate-500">
          <tr><th className="px-2 py-2">Address</th><th className="px-2 py-2">Hostname</th><th className="px-2 py-2">MAC</th><th className="px-2 py-2">Last seen</th><th className="px-2 py-2">By</th></tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {stale.items.map((h) => (
            <tr key={h.id}>
              <td className="px-2 py-1.5 font-mono"><Link className="text-indigo-700 hover:underline" href={`/hosts/${h.id}`} prefetch={false}>{h.ip_address}</Link></td>
              <td className="px-2 py-1.5">{h.hostname ?? "—"}</td>
              <td className="px-2 py-1.5 font-mono">{h.mac_address ?? "—"}</td>
              <td className="px-2 py-1.5">{formatDate(h.last_seen)}</td>
              <td className="px-2 py-1.5 text-slate-500">{h.discovery_source ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {stale.pages > 1 && <p className="mt-2 text-xs text-slate-500">Showing the oldest {stale.items.length}; the API lists them all (GET /api/v1/discovery/stale).</p>}
    </div>
  );
}

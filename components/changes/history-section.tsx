import Link from "next/link";
import { ChangeActionBadge } from "@/components/changes/change-action-badge";
import { ChangeActor } from "@/components/changes/change-actor";
import { objectTypeLabel, shownFields } from "@/components/changes/change-text";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format-date";
import type { ChangeOut, ChangePage } from "@/lib/schemas/change";

/** How many of an object's newest records its page shows. */
export const HISTORY_SIZE = 10;

/** The History card of a host or network page: its newest records, each linking to its diff, and the rest on /changes. */
export function HistorySection({ history, objectType, objectId, className = "" }: {
  history: ChangePage<ChangeOut>;
  objectType: ChangeOut["object_type"];
  objectId: number;
  className?: string;
}) {
  const all = `/changes?object_type=${objectType}&object_id=${objectId}`;
  const more = history.total > history.items.length;
  return (
    <Card
      title="History"
      className={className}
      bodyClassName=""
      actions={<Link href={all} className="text-sm font-medium text-indigo-700 hover:underline">All history{more ? ` (${history.total.toLocaleString("en-US")}${history.total_exact ? "" : "+"})` : ""}</Link>}
    >
      {history.items.length === 0 ? (
        <EmptyState title={`No recorded changes of this ${objectTypeLabel(objectType)}`} />
      ) : (
        <div className="relative overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="history">
            <caption className="sr-only">Newest changes of this {objectTypeLabel(objectType)}</caption>
            <thead className="bg-slate-50">
              <tr>
                {["Time", "Who", "Action", "Changed", "Message"].map((h) => (
                  <th key={h} scope="col" className="whitespace-nowrap px-3 py-2.5 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">{h}</th>
                ))}
                <th scope="col" className="px-3 py-2.5"><span className="sr-only">Details</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 bg-white">
              {history.items.map((c) => (
                <tr key={c.id} className="hover:bg-slate-50">
                  <td className="whitespace-nowrap px-3 py-2 text-xs text-slate-600"><time dateTime={c.time}>{formatDate(c.time)}</time></td>
                  <td className="whitespace-nowrap px-3 py-2"><ChangeActor actor={c.actor} /></td>
                  <td className="px-3 py-2"><ChangeActionBadge action={c.action} /></td>
                  <td className="px-3 py-2 font-mono text-xs">{c.action === "update" ? shownFields(c).join(", ") : <span className="font-sans text-slate-500">{c.action === "create" ? "all fields" : "the whole object"}</span>}</td>
                  <td className="px-3 py-2">{c.message ?? <span className="text-slate-500">—</span>}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-right">
                    <Link href={`/changes/${c.id}`} prefetch={false} className="font-medium text-indigo-700 hover:underline" aria-label={`Diff of change ${c.id}`}>Diff</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

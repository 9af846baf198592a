import { exactCount, formatCount } from "@/components/ui/format-count";
import type { FreeRangesOut } from "@/lib/schemas/responses";
import { EmptyState } from "@/components/ui/empty-state";

/** The first free ranges of a large or IPv6 network (never a per-address list). */
export function FreeRanges({ ranges, limit }: { ranges: FreeRangesOut["items"]; limit: number }) {
  if (ranges.length === 0) return <EmptyState title="No free addresses" />;
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm" data-testid="free-ranges">
        <thead className="bg-slate-50">
          <tr>
            {["First", "Last", "Addresses"].map((h) => (
              <th key={h} scope="col" className="px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {ranges.map((range) => (
            <tr key={range.first}>
              <td className="whitespace-nowrap px-3 py-1.5 font-mono">{range.first}</td>
              <td className="whitespace-nowrap px-3 py-1.5 font-mono">{range.last}</td>
              <td className="whitespace-nowrap px-3 py-1.5 tabular-nums text-slate-600" title={exactCount(range.size)}>{formatCount(range.size)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {ranges.length === limit && <p className="px-3 py-2 text-xs text-slate-500">First {limit} free ranges shown.</p>}
    </div>
  );
}

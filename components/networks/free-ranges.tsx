import { BlockList } from "@/components/networks/free-blocks";
import { Count } from "@/components/ui/count";
import { EmptyState } from "@/components/ui/empty-state";
import { formatPrefix, parseAddress, rangeToCidrs } from "@/lib/ipam";
import type { FreeRangesOut } from "@/lib/schemas/responses";

/** A range splits into at most 2 × 128 blocks: enough to read, few enough for a page. */
const SHOWN_BLOCKS = 64;

/** The free ranges as the fewest aligned CIDR blocks, in address order, at most `max` of them. */
function rangeBlocks(ranges: FreeRangesOut["items"], max: number): { blocks: Array<{ prefix: string }>; more: boolean } {
  const blocks: Array<{ prefix: string }> = [];
  for (const range of ranges) {
    const first = parseAddress(range.first);
    for (const prefix of rangeToCidrs(first.family, first.value, parseAddress(range.last).value)) {
      if (blocks.length === max) return { blocks, more: true };
      blocks.push({ prefix: formatPrefix(prefix) });
    }
  }
  return { blocks, more: false };
}

/**
 * The first free ranges of a large or IPv6 network (never a per-address list),
 * shown as CIDR blocks a network could be created in ("Create network here"),
 * with the plain first–last ranges one click away.
 */
export function FreeRanges({ ranges, limit, canWrite }: { ranges: FreeRangesOut["items"]; limit: number; canWrite: boolean }) {
  if (ranges.length === 0) return <EmptyState title="No free addresses" />;
  const { blocks, more } = rangeBlocks(ranges, SHOWN_BLOCKS);
  return (
    <div>
      <BlockList blocks={blocks} canWrite={canWrite} testId="free-range-blocks" />
      {more && <p className="px-4 py-2 text-xs text-slate-500">First {SHOWN_BLOCKS} free blocks shown; the ranges below list more.</p>}
      {/* A disclosure (its marker turns when open) rather than a second view: the pairs are the API's free-ranges as they are. */}
      <details className="border-t border-slate-100">
        <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-indigo-700 hover:underline">First–last ranges ({ranges.length})</summary>
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
                  <td className="min-w-40 px-3 py-1.5 tabular-nums text-slate-600"><Count value={range.size} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          {ranges.length === limit && <p className="px-3 py-2 text-xs text-slate-500">First {limit} free ranges shown.</p>}
        </div>
      </details>
    </div>
  );
}

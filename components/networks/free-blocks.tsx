import { Count } from "@/components/ui/count";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";
import { addressCount, parsePrefix } from "@/lib/ipam";

/** CIDR blocks, each with its size and (for editors) a link to the new-network form prefilled with it. */
export function BlockList({ blocks, canWrite, testId }: { blocks: ReadonlyArray<{ prefix: string }>; canWrite: boolean; testId: string }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid={testId}>
      {blocks.map((block) => (
        <li key={block.prefix} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-1.5" data-prefix={block.prefix}>
          <span className="font-mono text-sm">{block.prefix}</span>
          <span className="min-w-0 flex-1 text-xs tabular-nums text-slate-500">
            <Count value={addressCount(parsePrefix(block.prefix))} /> addresses
          </span>
          {canWrite && (
            <LinkButton
              href={`/networks/new?network=${encodeURIComponent(block.prefix)}`}
              className="px-2.5 py-1 text-xs"
              prefetch={false}
              data-testid="create-network-here"
            >
              Create network here
            </LinkButton>
          )}
        </li>
      ))}
    </ul>
  );
}

/**
 * A container's free space: the gaps between its child networks as CIDR
 * blocks, each one a network that could be created as it stands.
 */
export function FreeBlocks({ blocks, limit, canWrite }: { blocks: ReadonlyArray<{ prefix: string }>; limit: number; canWrite: boolean }) {
  if (blocks.length === 0) return <EmptyState title="No free space">Child networks cover the whole container.</EmptyState>;
  return (
    <div>
      <BlockList blocks={blocks} canWrite={canWrite} testId="free-blocks" />
      {blocks.length === limit && <p className="px-4 py-2 text-xs text-slate-500">First {limit} free blocks shown.</p>}
    </div>
  );
}

import { EmptyState } from "@/components/ui/empty-state";
import { LinkButton } from "@/components/ui/link-button";

/**
 * A container's free space: the gaps between its child networks as CIDR
 * blocks, each one a network that could be created as it stands.
 */
export function FreeBlocks({ blocks, limit, canWrite }: { blocks: ReadonlyArray<{ prefix: string }>; limit: number; canWrite: boolean }) {
  if (blocks.length === 0) return <EmptyState title="No free space">Child networks cover the whole container.</EmptyState>;
  return (
    <div>
      <ul className="divide-y divide-slate-100" data-testid="free-blocks">
        {blocks.map((block) => (
          <li key={block.prefix} className="flex flex-wrap items-center justify-between gap-2 px-4 py-1.5">
            <span className="font-mono text-sm">{block.prefix}</span>
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
      {blocks.length === limit && <p className="px-4 py-2 text-xs text-slate-500">First {limit} free blocks shown.</p>}
    </div>
  );
}

import Link from "next/link";
import { NetworkStatusBadge } from "@/components/networks/network-status";
import { Count } from "@/components/ui/count";
import { UtilizationBar } from "@/components/ui/utilization-bar";
import type { NetworkOut } from "@/lib/schemas/responses";

/** Direct children of a network with their utilization. */
export function ChildNetworks({ networks }: { networks: NetworkOut[] }) {
  return (
    <ul className="divide-y divide-slate-100" data-testid="child-networks">
      {networks.map((n) => (
        <li key={n.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
          <Link href={`/networks/${n.id}`} prefetch={false} className="font-mono text-sm font-medium text-indigo-700 hover:underline">{n.prefix}</Link>
          {n.status !== "active" && <NetworkStatusBadge status={n.status} />}
          <span className="min-w-0 flex-1 truncate text-sm text-slate-600">{n.name ?? ""}</span>
          <span className="min-w-0 max-w-72 text-xs tabular-nums text-slate-500"><Count value={n.used_hosts} /> / <Count value={n.total_hosts} /></span>
          <UtilizationBar percent={n.utilization} className="w-36" label={`${n.prefix} utilization`} />
        </li>
      ))}
    </ul>
  );
}

import { addressStateLabel, addressStateOrder, addressStateStyles } from "@/components/networks/address-states";
import { Card } from "@/components/ui/card";
import { Count } from "@/components/ui/count";
import { compactCount } from "@/components/ui/format-count";
import { OverThresholdBadge } from "@/components/networks/over-threshold-badge";
import { UtilizationBar, formatPercent } from "@/components/ui/utilization-bar";
import type { NetworkOut } from "@/lib/schemas/responses";
import { defaultUtilizationThreshold } from "@/lib/services/networks/default-utilization-threshold";

/**
 * A network's utilization and where every address goes, from the network's
 * `states` (lib/ipam/states.ts): the same counts as the address map legend,
 * so "Free" here is exactly what allocation hands out. A container's
 * utilization is the share of its space covered by child networks. The
 * threshold is the network's own, else UTILIZATION_WARN_PERCENT (a server
 * component: it reads the default itself).
 */
export function UtilizationCard({ network, hostCount, childCount }: { network: NetworkOut; hostCount: number; childCount: number }) {
  const container = network.status === "container";
  const summary: Array<[string, NetworkOut["total_hosts"], string]> = container
    ? [
        ["In child networks", network.states.child_network, "network-covered"],
        ["Uncovered", network.states.blocked, "network-uncovered"],
        ["Total", network.total_hosts, "network-total"],
      ]
    : [
        ["Used", network.used_hosts, "network-used"],
        ["Free", network.allocatable_hosts, "network-free"],
        ["Total", network.total_hosts, "network-total"],
      ];
  // IPv6-sized counts ("2^64 (18,446,…)") need the card's full width: one summary row each instead of three boxes.
  const wide = summary.some(([, value]) => compactCount(value) !== null);
  const threshold = network.utilization_threshold ?? defaultUtilizationThreshold();
  const breakdown = addressStateOrder.filter((state) => state === "free" || BigInt(network.states[state]) > 0n);
  return (
    <Card title={container ? "Utilization (child coverage)" : "Utilization"}>
      <p className="text-3xl font-semibold tabular-nums" data-testid="network-utilization">{formatPercent(network.utilization)}</p>
      <UtilizationBar percent={network.utilization} className="mt-2" label={`${network.prefix} utilization`} />
      <p className="mt-2 flex flex-wrap items-center gap-2 text-xs text-slate-600" data-testid="utilization-threshold">
        <span>
          Threshold {threshold}% {network.utilization_threshold === null ? "(the default)" : "(set for this network)"}
        </span>
        {network.over_threshold && <OverThresholdBadge threshold={threshold} />}
      </p>
      <dl className={`mt-4 grid gap-2 ${wide ? "grid-cols-1" : "grid-cols-3 text-center"}`}>
        {summary.map(([label, value, testId]) => (
          <div key={label} className="min-w-0 rounded-lg bg-slate-50 px-2 py-2">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-sm font-semibold tabular-nums" data-testid={testId}><Count value={value} exactClassName="font-normal text-slate-600" /></dd>
          </div>
        ))}
      </dl>
      <dl className="mt-4 space-y-1 text-sm" aria-label="Addresses by state" data-testid="network-states">
        {breakdown.map((state) => (
          <div key={state} className="flex items-start justify-between gap-2" data-state={state}>
            <dt className="flex shrink-0 items-center gap-1.5 text-slate-600">
              <span className={`h-3 w-3 rounded-sm border ${addressStateStyles[state].className}`} aria-hidden />
              {addressStateLabel(state, network.status)}
            </dt>
            <dd className="min-w-0 text-right tabular-nums text-slate-900" data-testid={`state-${state}`}>
              <Count value={network.states[state]} />
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-xs text-slate-500">
        {hostCount.toLocaleString("en-US")} host{hostCount === 1 ? "" : "s"} directly in this network
        {childCount > 0 && `, ${childCount} child network${childCount === 1 ? "" : "s"}`}.
        {!container && " Free addresses are the ones allocation hands out: not the gateway, the DHCP pool, a child network or a host."}
      </p>
    </Card>
  );
}

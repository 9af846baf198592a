import { addressStateLabel, addressStateOrder, addressStateStyles } from "@/components/networks/address-states";
import { Card } from "@/components/ui/card";
import { exactCount, formatCount } from "@/components/ui/format-count";
import { UtilizationBar, formatPercent } from "@/components/ui/utilization-bar";
import type { NetworkOut } from "@/lib/schemas/responses";

/**
 * A network's utilization and where every address goes, from the network's
 * `states` (lib/ipam/states.ts): the same counts as the address map legend,
 * so "Free" here is exactly what allocation hands out. A container's
 * utilization is the share of its space covered by child networks.
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
  const breakdown = addressStateOrder.filter((state) => state === "free" || BigInt(network.states[state]) > 0n);
  return (
    <Card title={container ? "Utilization (child coverage)" : "Utilization"}>
      <p className="text-3xl font-semibold tabular-nums" data-testid="network-utilization">{formatPercent(network.utilization)}</p>
      <UtilizationBar percent={network.utilization} className="mt-2" label={`${network.prefix} utilization`} />
      <dl className="mt-4 grid grid-cols-3 gap-2 text-center">
        {summary.map(([label, value, testId]) => (
          <div key={label} className="rounded-lg bg-slate-50 px-2 py-2">
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="text-sm font-semibold tabular-nums" title={exactCount(value)} data-testid={testId}>{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
      <dl className="mt-4 space-y-1 text-sm" aria-label="Addresses by state" data-testid="network-states">
        {breakdown.map((state) => (
          <div key={state} className="flex items-center justify-between gap-2" data-state={state}>
            <dt className="flex items-center gap-1.5 text-slate-600">
              <span className={`h-3 w-3 rounded-sm border ${addressStateStyles[state].className}`} aria-hidden />
              {addressStateLabel(state, network.status)}
            </dt>
            <dd className="tabular-nums text-slate-900" title={exactCount(network.states[state])} data-testid={`state-${state}`}>
              {formatCount(network.states[state])}
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

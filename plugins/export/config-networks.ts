import { lastAddress } from "@/lib/ipam";
import { poolChildOverlaps } from "@/lib/services/integrity/address-space-rules";
import { checkNetwork, type CheckedNetwork } from "@/plugins/dnsmasq/checks";
import type { DnsmasqSource } from "@/plugins/dnsmasq/types";

// The networks as every configuration export (dnsmasq, Kea, hosts, ethers)
// sees them: re-checked by plugins/dnsmasq/checks.ts, and each pool that
// overlaps a child network found by the model's own rule
// (poolChildOverlaps), so all files leave out the same rows.

/** A network whose own settings the export writes, or the id of one whose prefix is unusable. */
export type OwnNetwork = CheckedNetwork | { id: number; invalid: true };

export interface ConfigNetworks {
  /** Every usable network by id: a host's network may lie outside a filtered export. */
  checked: Map<number, CheckedNetwork>;
  /** The chosen networks (source.networkIds, or all), in address order. */
  own: OwnNetwork[];
  /** Network id → the direct child its DHCP pool overlaps. */
  poolOverlaps: Map<number, number>;
}

export function configNetworks(source: Pick<DnsmasqSource, "networks" | "networkIds">): ConfigNetworks {
  const checked = new Map<number, CheckedNetwork>();
  const own: OwnNetwork[] = [];
  for (const n of source.networks) {
    const c = checkNetwork(n);
    if (c) checked.set(n.id, c);
    if (!source.networkIds || source.networkIds.has(n.id)) own.push(c ?? { id: n.id, invalid: true });
  }
  // Children may lie outside a filtered export: every network counts.
  const poolOverlaps = new Map<number, number>();
  const pooled = [...checked.values()].map((c) => ({ id: c.id, family: c.prefix.family, first: c.prefix.network, last: lastAddress(c.prefix), pool: c.poolRange }));
  for (const o of poolChildOverlaps(pooled)) if (!poolOverlaps.has(o.networkId)) poolOverlaps.set(o.networkId, o.childId);
  return { checked, own, poolOverlaps };
}

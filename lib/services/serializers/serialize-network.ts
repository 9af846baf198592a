import { capacity, countStates, formatValue, lastAddress, lengthToMask, type AddressState, type StateInput } from "@/lib/ipam";
import type { Network } from "@/lib/generated/prisma/client";
import type { NetworkStatus } from "@/lib/schemas/fields";
import type { NetworkOut } from "@/lib/schemas/responses";
import { countOut } from "@/lib/services/serializers/count-out";
import { networkPrefix } from "@/lib/services/serializers/network-prefix";
import { effectiveThreshold, isOverThreshold, networkUtilization } from "@/lib/services/serializers/network-utilization";

/**
 * DB row + its used-host count + its address-state input → the API object.
 * Counts are exact BigInt arithmetic; `states` and `allocatable_hosts` come
 * from lib/ipam countStates, the one definition of what an address is.
 * `defaultThreshold`: UTILIZATION_WARN_PERCENT, for a network without its own.
 */
export function serializeNetwork(row: Network, usedHosts: bigint, stateInput: StateInput, defaultThreshold: number): NetworkOut {
  const prefix = networkPrefix(row);
  const total = capacity(prefix);
  const available = total > usedHosts ? total - usedHosts : 0n;
  const counts = countStates(stateInput);
  const states = {} as Record<AddressState, number | string>;
  for (const [state, n] of Object.entries(counts) as Array<[AddressState, bigint]>) states[state] = countOut(n);
  const status = row.status as NetworkStatus;
  const utilization = networkUtilization(prefix, status, usedHosts, stateInput.children);
  const v4 = prefix.family === 4;
  return {
    id: row.id,
    network: row.network,
    cidr: row.cidr,
    prefix: `${row.network}/${row.cidr}`,
    family: prefix.family,
    broadcast_address: v4 ? formatValue(4, lastAddress(prefix)) : null,
    netmask: v4 ? lengthToMask(row.cidr, 4) : null,
    name: row.name,
    domain: row.domain,
    vlan_id: row.vlanId,
    description: row.description,
    location: row.location,
    gateway: row.gateway,
    dhcp_start: row.dhcpStart,
    dhcp_end: row.dhcpEnd,
    parent_id: row.parentId,
    status,
    total_hosts: countOut(total),
    used_hosts: countOut(usedHosts),
    available_hosts: countOut(available),
    allocatable_hosts: countOut(counts.free),
    states,
    utilization,
    utilization_threshold: row.utilizationThreshold,
    over_threshold: isOverThreshold(utilization, effectiveThreshold(row.utilizationThreshold, defaultThreshold)),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

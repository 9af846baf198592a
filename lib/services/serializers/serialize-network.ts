import { addressCount, capacity, clipRanges, countStates, formatValue, lastAddress, lengthToMask, type AddressState, type StateInput } from "@/lib/ipam";
import type { Network } from "@/lib/generated/prisma/client";
import type { NetworkStatus } from "@/lib/schemas/fields";
import type { NetworkOut } from "@/lib/schemas/responses";
import { countOut } from "@/lib/services/serializers/count-out";
import { networkPrefix } from "@/lib/services/serializers/network-prefix";

/** Percent with two decimals, without going through a double for 2^128-sized numbers. */
const percent = (part: bigint, whole: bigint) => (whole === 0n ? 0 : Number((part * 10_000n) / whole) / 100);

/**
 * DB row + its used-host count + its address-state input → the API object.
 * Counts are exact BigInt arithmetic; `states` and `allocatable_hosts` come
 * from lib/ipam countStates, the one definition of what an address is.
 */
export function serializeNetwork(row: Network, usedHosts: bigint, stateInput: StateInput): NetworkOut {
  const prefix = networkPrefix(row);
  const total = capacity(prefix);
  const available = total > usedHosts ? total - usedHosts : 0n;
  const counts = countStates(stateInput);
  const states = {} as Record<AddressState, number | string>;
  for (const [state, n] of Object.entries(counts) as Array<[AddressState, bigint]>) states[state] = countOut(n);
  const status = row.status as NetworkStatus;
  // A container holds networks, not hosts: its use is the share of its space its children cover (as in NetBox).
  let covered = 0n;
  for (const c of clipRanges(prefix, stateInput.children)) covered += c.last - c.first + 1n;
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
    utilization: status === "container" ? percent(covered, addressCount(prefix)) : percent(usedHosts, total),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

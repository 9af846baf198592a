import { capacity, formatValue, lastAddress, lengthToMask } from "@/lib/ipam";
import type { Network } from "@/lib/generated/prisma/client";
import type { NetworkOut } from "@/lib/schemas/responses";
import { countOut } from "@/lib/services/serializers/count-out";
import { networkPrefix } from "@/lib/services/serializers/network-prefix";

/** DB row + its used-host count → the API object. Counts are exact BigInt arithmetic. */
export function serializeNetwork(row: Network, usedHosts: bigint): NetworkOut {
  const prefix = networkPrefix(row);
  const total = capacity(prefix);
  const available = total > usedHosts ? total - usedHosts : 0n;
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
    total_hosts: countOut(total),
    used_hosts: countOut(usedHosts),
    available_hosts: countOut(available),
    // Two decimals without going through a double for 2^128-sized numbers.
    utilization: total === 0n ? 0 : Number((usedHosts * 10_000n) / total) / 100,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

import { formatValue, lastAddress } from "@/lib/ipam";
import type { Host, Network } from "@/lib/generated/prisma/client";
import type { NetworkOut } from "@/lib/schemas/responses";
import { networkPrefix } from "@/lib/services/serializers/network-prefix";

// The CSV layouts, column by column. The importer reads the same names, so
// an exported file imports unchanged. Columns added since the original's
// layout go last, so its column order is kept.

type Cell = string | number | null;

export const networkCsvColumns = {
  network: (n: Network) => n.network,
  cidr: (n: Network) => n.cidr,
  broadcast_address: (n: Network) => (n.family === 4 ? formatValue(4, lastAddress(networkPrefix(n))) : null),
  name: (n: Network) => n.name,
  domain: (n: Network) => n.domain,
  vlan_id: (n: Network) => n.vlanId,
  description: (n: Network) => n.description,
  location: (n: Network) => n.location,
  gateway: (n: Network) => n.gateway,
  dhcp_start: (n: Network) => n.dhcpStart,
  dhcp_end: (n: Network) => n.dhcpEnd,
  status: (n: Network) => n.status,
  utilization_threshold: (n: Network) => n.utilizationThreshold,
} satisfies Record<string, (n: Network) => Cell>;

/** `prefixOf` gives a network id's prefix text ("10.0.0.0/24"). */
export const hostCsvColumns = {
  ip_address: (h: Host) => h.ipAddress,
  hostname: (h: Host) => h.hostname,
  cname: (h: Host) => h.cname,
  mac_address: (h: Host) => h.macAddress,
  description: (h: Host) => h.description,
  status: (h: Host) => h.status,
  network: (h: Host, prefixOf: (id: number) => string | null) => (h.networkId === null ? null : prefixOf(h.networkId)),
  last_seen: (h: Host) => h.lastSeen?.toISOString() ?? null,
  discovery_source: (h: Host) => h.discoverySource,
  allow_duplicate_name: (h: Host) => String(h.allowDuplicateName),
} satisfies Record<string, (h: Host, prefixOf: (id: number) => string | null) => Cell>;

/**
 * Columns a table shows that the import layout leaves out, written only when
 * `?columns=` asks for them (an Export menu passes the table's visible columns).
 * The network ones read the API object (utilization and counts need the
 * address states), which is computed per batch only when one of them is asked.
 */
export const hostExtraColumns = {
  id: (h: Host) => h.id,
  created_at: (h: Host) => h.createdAt.toISOString(),
  updated_at: (h: Host) => h.updatedAt.toISOString(),
} satisfies Record<string, (h: Host) => Cell>;

export const networkExtraColumns = {
  id: (n: NetworkOut) => n.id,
  prefix: (n: NetworkOut) => n.prefix,
  utilization: (n: NetworkOut) => n.utilization,
  used_hosts: (n: NetworkOut) => String(n.used_hosts),
  total_hosts: (n: NetworkOut) => String(n.total_hosts),
  created_at: (n: NetworkOut) => n.created_at,
  updated_at: (n: NetworkOut) => n.updated_at,
} satisfies Record<string, (n: NetworkOut) => Cell>;

export type NetworkCsvColumn = keyof typeof networkCsvColumns;
export type HostCsvColumn = keyof typeof hostCsvColumns;

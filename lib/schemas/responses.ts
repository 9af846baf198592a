import { z } from "zod";
import type { AddressState } from "@/lib/ipam";
import { hostStatuses, networkStatuses } from "@/lib/schemas/fields";
import { ipStates } from "@/lib/schemas/ip";

// Response shapes: the TypeScript types of what services return and the
// source of the OpenAPI response schemas.

const count = z
  .union([z.number().int(), z.string().regex(/^\d+$/)])
  .meta({ description: "Exact count; a decimal string when it exceeds 2^53−1 (large IPv6 networks)", example: 254 });
const timestamp = z.string().meta({ description: "ISO 8601 UTC", example: "2026-01-02T03:04:05.000Z" });
const address = z.string().meta({ example: "10.0.0.1" });

// Every address of a network in exactly one state (lib/ipam/states.ts); the counts sum to the prefix's address count.
const stateCounts = z.object({
  network_address: count, broadcast_address: count, gateway: count, child_network: count,
  active: count, reserved: count, inactive: count, dhcp_pool: count, free: count,
  blocked: count.meta({ description: "Would be free, but the network's status (container, reserved, deprecated) takes no new hosts" }),
} satisfies Record<AddressState, typeof count>).meta({ description: "Addresses per state, exact (docs/address-space.md)" });

export const networkOut = z.object({
  id: z.number().int(),
  network: address.meta({ example: "10.0.0.0" }),
  cidr: z.number().int().meta({ example: 24 }),
  prefix: z.string().meta({ example: "10.0.0.0/24" }),
  family: z.union([z.literal(4), z.literal(6)]),
  broadcast_address: address.nullable().meta({ description: "IPv4 only", example: "10.0.0.255" }),
  netmask: address.nullable().meta({ description: "IPv4 only", example: "255.255.255.0" }),
  name: z.string().nullable(),
  domain: z.string().nullable(),
  vlan_id: z.number().int().nullable(),
  description: z.string().nullable(),
  location: z.string().nullable(),
  gateway: address.nullable(),
  dhcp_start: address.nullable(),
  dhcp_end: address.nullable(),
  parent_id: z.number().int().nullable().meta({ description: "Smallest enclosing network" }),
  status: z.enum(networkStatuses).meta({ description: "container: holds networks, not hosts; reserved, deprecated: keep their hosts, take no new ones" }),
  total_hosts: count,
  used_hosts: count.meta({ description: "Host records inside the network, child networks included" }),
  available_hosts: count,
  allocatable_hosts: count.meta({ description: "Addresses next-ip, allocate and available-ips can hand out (states.free)" }),
  states: stateCounts,
  utilization: z.number().meta({ description: "used_hosts / total_hosts in percent, 2 decimals; for a container, the share of its space covered by child networks", example: 12.5 }),
  utilization_threshold: z.number().int().nullable().meta({ description: "The network's own threshold in percent; null: the server's default (UTILIZATION_WARN_PERCENT, 80)", example: null }),
  over_threshold: z.boolean().meta({ description: "utilization is at or above the network's threshold (its own, else the default)" }),
  created_at: timestamp,
  updated_at: timestamp,
});
export type NetworkOut = z.infer<typeof networkOut>;

export const hostOut = z.object({
  id: z.number().int(),
  ip_address: address.meta({ example: "10.0.0.10" }),
  family: z.union([z.literal(4), z.literal(6)]),
  hostname: z.string().nullable(),
  cname: z.string().nullable(),
  mac_address: z.string().nullable(),
  description: z.string().nullable(),
  status: z.enum(hostStatuses),
  network_id: z.number().int().nullable().meta({ description: "Derived: the most specific network containing the address" }),
  last_seen: timestamp.nullable(),
  discovery_source: z.string().nullable(),
  allow_duplicate_name: z.boolean().meta({ description: "Round-robin DNS: the hostname may share its FQDN with other hosts that set this too" }),
  created_at: timestamp,
  updated_at: timestamp,
});
export type HostOut = z.infer<typeof hostOut>;

export const nextCursor = z.string().nullable().meta({ description: "Pass as cursor= for the next page (keyset: constant cost at any depth); null on the last page" });
export const prevCursor = z.string().nullable().meta({ description: "Pass as cursor= for the previous page; null on the first page" });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    per_page: z.number().int(),
    pages: z.number().int(),
    next_cursor: nextCursor,
    prev_cursor: prevCursor,
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  per_page: number;
  pages: number;
  /** Keyset cursors (lib/schemas/cursor): pass as `cursor=` for the next/previous page; null at the end/start. */
  next_cursor: string | null;
  prev_cursor: string | null;
}

export const nextIpOut = z.object({ ip_address: address, network_id: z.number().int() });
export type NextIpOut = z.infer<typeof nextIpOut>;
export const availableIpsOut = z.object({ items: z.array(address), available_hosts: count, next_cursor: nextCursor });
export type AvailableIpsOut = z.infer<typeof availableIpsOut>;
export const freeRangeOut = z.object({ first: address, last: address, size: count });
export const freeRangesOut = z.object({ items: z.array(freeRangeOut), next_cursor: nextCursor });
export type FreeRangesOut = z.infer<typeof freeRangesOut>;
export const availableSubnetsOut = z.object({
  items: z.array(z.object({
    prefix: z.string().meta({ example: "10.0.0.64/26" }),
    hosts: count.meta({ description: "Existing hosts the new subnet would take in (they move to it)", example: 0 }),
  })),
});
export const freeBlocksOut = z.object({
  items: z.array(z.object({
    prefix: z.string().meta({ example: "10.0.4.0/22" }),
    hosts: count.meta({ description: "Hosts inside the block (directly in this network)", example: 0 }),
  })),
});
export type FreeBlocksOut = z.infer<typeof freeBlocksOut>;
export type AvailableSubnetsOut = z.infer<typeof availableSubnetsOut>;
export const hostItemsOut = z.object({ items: z.array(hostOut) });

export const ipLookupOut = z.object({
  ip_address: address,
  family: z.union([z.literal(4), z.literal(6)]),
  network: networkOut.nullable(),
  host: hostOut.nullable(),
  state: z.enum(ipStates).meta({ description: "The address's state in its innermost network (docs/address-space.md); a host on the gateway or an end is that point" }),
});
export type IpLookupOut = z.infer<typeof ipLookupOut>;

export const errorOut = z.object({
  error: z.object({
    code: z.string().meta({ example: "validation_error" }),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional().meta({ description: "For validation_error: field → messages" }),
  }),
});

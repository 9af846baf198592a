import { z } from "zod";
import { hostStatuses } from "@/lib/schemas/fields";
import { ipStates } from "@/lib/schemas/ip";

// Response shapes: the TypeScript types of what services return and the
// source of the OpenAPI response schemas.

const count = z
  .union([z.number().int(), z.string().regex(/^\d+$/)])
  .meta({ description: "Exact count; a decimal string when it exceeds 2^53−1 (large IPv6 networks)", example: 254 });
const timestamp = z.string().meta({ description: "ISO 8601 UTC", example: "2026-01-02T03:04:05.000Z" });
const address = z.string().meta({ example: "10.0.0.1" });

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
  total_hosts: count,
  used_hosts: count.meta({ description: "Host records inside the network, child networks included" }),
  available_hosts: count,
  utilization: z.number().meta({ description: "used_hosts / total_hosts in percent, 2 decimals", example: 12.5 }),
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
  created_at: timestamp,
  updated_at: timestamp,
});
export type HostOut = z.infer<typeof hostOut>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    per_page: z.number().int(),
    pages: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  per_page: number;
  pages: number;
}

export const nextIpOut = z.object({ ip_address: address, network_id: z.number().int() });
export type NextIpOut = z.infer<typeof nextIpOut>;
export const availableIpsOut = z.object({ items: z.array(address), available_hosts: count });
export type AvailableIpsOut = z.infer<typeof availableIpsOut>;
export const freeRangeOut = z.object({ first: address, last: address, size: count });
export const freeRangesOut = z.object({ items: z.array(freeRangeOut) });
export type FreeRangesOut = z.infer<typeof freeRangesOut>;
export const availableSubnetsOut = z.object({ items: z.array(z.object({ prefix: z.string().meta({ example: "10.0.0.64/26" }) })) });
export type AvailableSubnetsOut = z.infer<typeof availableSubnetsOut>;
export const hostItemsOut = z.object({ items: z.array(hostOut) });

export const ipLookupOut = z.object({
  ip_address: address,
  family: z.union([z.literal(4), z.literal(6)]),
  network: networkOut.nullable(),
  host: hostOut.nullable(),
  state: z.enum(ipStates),
});
export type IpLookupOut = z.infer<typeof ipLookupOut>;

export const errorOut = z.object({
  error: z.object({
    code: z.string().meta({ example: "validation_error" }),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional().meta({ description: "For validation_error: field → messages" }),
  }),
});

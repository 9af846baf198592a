import { z } from "zod";
import { normalizeAddress, optionalText } from "@/lib/schemas/fields";
import { intParam } from "@/lib/schemas/list";

// Query strings of the IP management endpoints.

const limit = (fallback: number) => intParam("limit", 1, 1000).default(fallback);

export const availableIpsQuery = z.object({
  limit: limit(100),
  after: optionalText("after", 64, normalizeAddress).meta({ description: "Only addresses greater than this one" }),
});
export type AvailableIpsQuery = z.output<typeof availableIpsQuery>;

export const freeRangesQuery = z.object({ limit: limit(100) });

export const availableSubnetsQuery = z.object({
  cidr: intParam("cidr", 0, 128).meta({ description: "Length of the child prefixes", example: 26 }),
  limit: limit(100),
});
export type AvailableSubnetsQuery = z.output<typeof availableSubnetsQuery>;

export const ipStates = [
  "allocated", "available", "gateway", "dhcp_pool", "network_address", "broadcast_address", "unmanaged",
] as const;
export type IpState = (typeof ipStates)[number];

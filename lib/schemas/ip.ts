import { z } from "zod";
import { normalizeAddress, optionalText } from "@/lib/schemas/fields";
import { cursorQuery, intParam } from "@/lib/schemas/list";

// Query strings of the IP management endpoints.

const limit = (fallback: number) => intParam("limit", 1, 1000).default(fallback);

export const availableIpsQuery = z.object({
  limit: limit(100),
  after: optionalText("after", 64, normalizeAddress).meta({ description: "Only addresses greater than this one" }),
  ...cursorQuery,
});
export type AvailableIpsQuery = z.output<typeof availableIpsQuery>;

export const freeRangesQuery = z.object({ limit: limit(100), ...cursorQuery });
export type FreeRangesQuery = z.output<typeof freeRangesQuery>;

export const availableSubnetsQuery = z.object({
  cidr: intParam("cidr", 0, 128).meta({ description: "Length of the child prefixes", example: 26 }),
  limit: limit(100),
  empty_only: z.enum(["true", "false", "1", "0"], { error: "empty_only must be true or false" }).optional()
    .transform((v) => v === "true" || v === "1")
    .meta({ description: "Only subnets that would take in no existing host (hosts = 0); the web planner's default" }),
});
export type AvailableSubnetsQuery = z.output<typeof availableSubnetsQuery>;

export const freeBlocksQuery = z.object({ limit: limit(100) });

// GET /ip/{address}: lib/ipam stateOfAddress in the original's words: a
// host's address is "allocated", a free one "available"; "blocked" is free
// space of a network that takes no new hosts (container, reserved, deprecated).
export const ipStates = [
  "allocated", "available", "gateway", "dhcp_pool", "network_address", "broadcast_address", "child_network", "blocked", "unmanaged",
] as const;
export type IpState = (typeof ipStates)[number];

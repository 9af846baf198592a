import { z } from "zod";
import * as out from "@/lib/schemas/responses";
import { allocateSchema } from "@/lib/schemas/host";
import { availableIpsQuery, freeRangesQuery } from "@/lib/schemas/ip";
import type { Operation } from "@/lib/api/openapi/operation";

export const ipOperations: Operation[] = [
  { method: "get", path: "/ip/networks/{id}/next-ip", tag: "IP management", summary: "The lowest free address", auth: "viewer",
    description: "Skips the network and broadcast addresses, the gateway, the DHCP pool, used addresses and child networks. Does not reserve it: use allocate.",
    responses: { 200: { schema: out.nextIpOut, description: "Next free address" } }, errors: [409] },
  { method: "get", path: "/ip/networks/{id}/available-ips", tag: "IP management", summary: "Free addresses, ascending", auth: "viewer",
    query: availableIpsQuery, responses: { 200: { schema: out.availableIpsOut, description: "Up to `limit` addresses after `after` (or after `cursor`); `next_cursor` null: no more" } }, errors: [400] },
  { method: "get", path: "/ip/networks/{id}/free-ranges", tag: "IP management", summary: "Free address ranges", auth: "viewer",
    query: freeRangesQuery, responses: { 200: { schema: out.freeRangesOut, description: "Ascending, up to `limit`; pass `next_cursor` as `cursor` for the rest (null: no more)" } }, errors: [400] },
  { method: "post", path: "/ip/networks/{id}/allocate", tag: "IP management", summary: "Create host(s) at the next free address(es)", auth: "editor",
    description: "Atomic and safe under concurrency. With `count` the response is {items} and too few free addresses is a 409 with nothing created.",
    body: { schema: allocateSchema }, responses: { 201: { schema: z.union([out.hostOut, out.hostItemsOut]), description: "Created host, or {items}" } },
    errors: [400, 409, 413, 422] },
  { method: "get", path: "/ip/{address}", tag: "IP management", summary: "Look up one address", auth: "viewer",
    responses: { 200: { schema: out.ipLookupOut, description: "Network, host and state" } }, errors: [422] },
];

import { z } from "zod";
import type { Role } from "@/lib/auth/roles";
import { createApiTokenSchema, apiTokenOut, createdApiTokenOut } from "@/lib/schemas/api-token";
import { allocateSchema, hostInputSchema, hostPatchSchema } from "@/lib/schemas/host";
import { availableIpsQuery, availableSubnetsQuery, freeRangesQuery } from "@/lib/schemas/ip";
import { hostListQuery, networkHostsQuery, networkListQuery } from "@/lib/schemas/list";
import { createSubnetSchema, networkInputSchema, networkPatchSchema } from "@/lib/schemas/network";
import * as out from "@/lib/schemas/responses";
import { pluginOperations } from "@/plugins/openapi-operations";

// Every /api/v1 operation, described with the same zod schemas the routes
// and services validate with. build-openapi.ts turns this table into OpenAPI 3.1.

export interface Operation {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  tag: string;
  summary: string;
  description?: string;
  auth: Role | "public";
  query?: z.ZodObject;
  /** Request body; `bulk` also accepts an array of it. */
  body?: { schema: z.ZodType; bulk?: boolean };
  /** Success status → schema (null: no body). */
  responses: Record<number, { schema: z.ZodType | null; description: string; raw?: string }>;
  /** Error statuses beyond 401/403 (added for authenticated operations). */
  errors?: number[];
}

const networkPage = out.pageOf(out.networkOut);
const hostPage = out.pageOf(out.hostOut);
const items = <T extends z.ZodType>(s: T) => z.object({ items: z.array(s) });

export const operations: Operation[] = [
  { method: "get", path: "/health", tag: "Meta", summary: "Liveness and database check", auth: "public",
    responses: { 200: { schema: z.object({ status: z.string(), database: z.string() }), description: "Up" } } },
  { method: "get", path: "/openapi.json", tag: "Meta", summary: "This OpenAPI document", auth: "public",
    responses: { 200: { schema: z.looseObject({}), description: "OpenAPI 3.1" } } },
  { method: "get", path: "/docs", tag: "Meta", summary: "Interactive API reference (works offline)", auth: "public",
    responses: { 200: { schema: null, raw: "text/html", description: "HTML page" } } },

  { method: "get", path: "/networks", tag: "Networks", summary: "List networks", auth: "viewer", query: networkListQuery,
    responses: { 200: { schema: networkPage, description: "A page of networks" } }, errors: [400] },
  { method: "post", path: "/networks", tag: "Networks", summary: "Create a network (or an array: all or nothing)", auth: "editor",
    description: "`network` is an address with `cidr`, or a prefix. The same prefix twice is a 409; host bits set is a 422 naming the intended network. An array creates every item or none (422 with errors per index).",
    body: { schema: networkInputSchema, bulk: true },
    responses: { 201: { schema: out.networkOut, description: "Created (an array body returns {items})" } }, errors: [400, 409, 413, 422] },
  { method: "get", path: "/networks/{id}", tag: "Networks", summary: "Get a network", auth: "viewer",
    responses: { 200: { schema: out.networkOut, description: "The network" } } },
  { method: "put", path: "/networks/{id}", tag: "Networks", summary: "Replace a network", auth: "editor", body: { schema: networkInputSchema },
    description: "Read-only fields are ignored, so a GET body can be PUT back. Moving the prefix so that this network's hosts fall outside is a 409.",
    responses: { 200: { schema: out.networkOut, description: "Updated" } }, errors: [400, 409, 413, 422] },
  { method: "patch", path: "/networks/{id}", tag: "Networks", summary: "Change some fields of a network", auth: "editor", body: { schema: networkPatchSchema },
    responses: { 200: { schema: out.networkOut, description: "Updated" } }, errors: [400, 409, 413, 422] },
  { method: "delete", path: "/networks/{id}", tag: "Networks", summary: "Delete a network", auth: "editor",
    description: "409 network_not_empty while hosts lie directly in it; child networks move up to its parent.",
    responses: { 204: { schema: null, description: "Deleted" } }, errors: [409] },
  { method: "get", path: "/networks/{id}/hosts", tag: "Networks", summary: "Hosts of a network", auth: "viewer", query: networkHostsQuery,
    responses: { 200: { schema: hostPage, description: "A page of hosts whose network_id is this network" } }, errors: [400] },
  { method: "get", path: "/networks/{id}/available-subnets", tag: "IP management", summary: "Free child prefixes of one length", auth: "viewer",
    query: availableSubnetsQuery, responses: { 200: { schema: out.availableSubnetsOut, description: "Ascending" } }, errors: [400] },
  { method: "post", path: "/networks/{id}/subnets", tag: "IP management", summary: "Create a child network at the first free block", auth: "editor",
    body: { schema: createSubnetSchema }, responses: { 201: { schema: out.networkOut, description: "Created" } }, errors: [400, 409, 413, 422] },

  { method: "get", path: "/hosts", tag: "Hosts", summary: "List hosts", auth: "viewer", query: hostListQuery,
    responses: { 200: { schema: hostPage, description: "A page of hosts" } }, errors: [400] },
  { method: "post", path: "/hosts", tag: "Hosts", summary: "Create a host (or an array: all or nothing)", auth: "editor",
    body: { schema: hostInputSchema, bulk: true },
    responses: { 201: { schema: out.hostOut, description: "Created (an array body returns {items})" } }, errors: [400, 409, 413, 422] },
  { method: "get", path: "/hosts/{id}", tag: "Hosts", summary: "Get a host", auth: "viewer", responses: { 200: { schema: out.hostOut, description: "The host" } } },
  { method: "put", path: "/hosts/{id}", tag: "Hosts", summary: "Replace a host", auth: "editor", body: { schema: hostInputSchema },
    responses: { 200: { schema: out.hostOut, description: "Updated" } }, errors: [400, 409, 413, 422] },
  { method: "patch", path: "/hosts/{id}", tag: "Hosts", summary: "Change some fields of a host", auth: "editor", body: { schema: hostPatchSchema },
    responses: { 200: { schema: out.hostOut, description: "Updated" } }, errors: [400, 409, 413, 422] },
  { method: "delete", path: "/hosts/{id}", tag: "Hosts", summary: "Delete a host", auth: "editor", responses: { 204: { schema: null, description: "Deleted" } } },

  { method: "get", path: "/ip/networks/{id}/next-ip", tag: "IP management", summary: "The lowest free address", auth: "viewer",
    description: "Skips the network and broadcast addresses, the gateway, the DHCP pool, used addresses and child networks. Does not reserve it: use allocate.",
    responses: { 200: { schema: out.nextIpOut, description: "Next free address" } }, errors: [409] },
  { method: "get", path: "/ip/networks/{id}/available-ips", tag: "IP management", summary: "Free addresses, ascending", auth: "viewer",
    query: availableIpsQuery, responses: { 200: { schema: out.availableIpsOut, description: "Up to `limit` addresses after `after`" } }, errors: [400] },
  { method: "get", path: "/ip/networks/{id}/free-ranges", tag: "IP management", summary: "Free address ranges", auth: "viewer",
    query: freeRangesQuery, responses: { 200: { schema: out.freeRangesOut, description: "Ascending" } }, errors: [400] },
  { method: "post", path: "/ip/networks/{id}/allocate", tag: "IP management", summary: "Create host(s) at the next free address(es)", auth: "editor",
    description: "Atomic and safe under concurrency. With `count` the response is {items} and too few free addresses is a 409 with nothing created.",
    body: { schema: allocateSchema }, responses: { 201: { schema: z.union([out.hostOut, out.hostItemsOut]), description: "Created host, or {items}" } },
    errors: [400, 409, 413, 422] },
  { method: "get", path: "/ip/{address}", tag: "IP management", summary: "Look up one address", auth: "viewer",
    responses: { 200: { schema: out.ipLookupOut, description: "Network, host and state" } }, errors: [422] },

  { method: "get", path: "/tokens", tag: "API tokens", summary: "List API tokens", auth: "admin", responses: { 200: { schema: items(apiTokenOut), description: "Tokens (hints only)" } } },
  { method: "post", path: "/tokens", tag: "API tokens", summary: "Create an API token", auth: "admin", body: { schema: createApiTokenSchema },
    responses: { 201: { schema: createdApiTokenOut, description: "The token is shown in this response only" } }, errors: [400, 413, 422] },
  { method: "delete", path: "/tokens/{id}", tag: "API tokens", summary: "Revoke an API token", auth: "admin", responses: { 204: { schema: null, description: "Revoked" } } },

  ...pluginOperations,
];

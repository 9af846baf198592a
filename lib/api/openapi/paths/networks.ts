import * as out from "@/lib/schemas/responses";
import { networkHostsQuery, networkListQuery } from "@/lib/schemas/list";
import { availableSubnetsQuery, freeBlocksQuery } from "@/lib/schemas/ip";
import { createSubnetSchema, networkInputSchema, networkPatchSchema } from "@/lib/schemas/network";
import type { Operation } from "@/lib/api/openapi/operation";

const networkPage = out.pageOf(out.networkOut);
const hostPage = out.pageOf(out.hostOut);

/** Everything under /networks (the planner's subnet operations are tagged "IP management"). */
export const networkOperations: Operation[] = [
  { method: "get", path: "/networks", tag: "Networks", summary: "List networks", auth: "viewer", query: networkListQuery,
    description: "`utilization_gte` and `over_threshold` use `utilization` exactly as each network shows it, combined with the other filters, sorting and paging. `over_threshold` compares with the network's `utilization_threshold`, or the server's default (UTILIZATION_WARN_PERCENT, 80) when that is null; at the threshold counts as over.",
    responses: { 200: { schema: networkPage, description: "A page of networks" } }, errors: [400] },
  { method: "post", path: "/networks", tag: "Networks", summary: "Create a network (or an array: all or nothing)", auth: "editor",
    description: "`network` is an address with `cidr`, or a prefix. The same prefix twice is a 409; host bits set is a 422 naming the intended network. Also 409: a network overlapping its parent's DHCP pool, a /31 or /32 on its parent's network or broadcast address, a host that would become its network or broadcast address, a `container` with hosts directly in it. An array creates every item or none (422 with errors per index).",
    body: { schema: networkInputSchema, bulk: true },
    responses: { 201: { schema: out.networkOut, description: "Created (an array body returns {items})" } }, errors: [400, 409, 413, 422] },
  { method: "get", path: "/networks/{id}", tag: "Networks", summary: "Get a network", auth: "viewer",
    responses: { 200: { schema: out.networkOut, description: "The network" } } },
  { method: "put", path: "/networks/{id}", tag: "Networks", summary: "Replace a network", auth: "editor", body: { schema: networkInputSchema },
    description: "Read-only fields are ignored, so a GET body can be PUT back. Moving the prefix so that this network's hosts fall outside is a 409, as is a DHCP pool overlapping a child network and `status: container` while hosts lie directly in the network. A new domain renames the hosts in it (409 when a name then collides).",
    responses: { 200: { schema: out.networkOut, description: "Updated" } }, errors: [400, 409, 413, 422] },
  { method: "patch", path: "/networks/{id}", tag: "Networks", summary: "Change some fields of a network", auth: "editor", body: { schema: networkPatchSchema },
    responses: { 200: { schema: out.networkOut, description: "Updated" } }, errors: [400, 409, 413, 422] },
  { method: "delete", path: "/networks/{id}", tag: "Networks", summary: "Delete a network", auth: "editor",
    description: "409 network_not_empty while hosts lie directly in it; child networks move up to its parent.",
    responses: { 204: { schema: null, description: "Deleted" } }, errors: [409] },
  { method: "get", path: "/networks/{id}/hosts", tag: "Networks", summary: "Hosts of a network", auth: "viewer", query: networkHostsQuery,
    responses: { 200: { schema: hostPage, description: "A page of hosts whose network_id is this network" } }, errors: [400] },
  { method: "get", path: "/networks/{id}/available-subnets", tag: "IP management", summary: "Child prefixes of one length that can be created", auth: "viewer",
    description: "Only prefixes whose creation would succeed (the rules of POST /networks): never over a child network or the DHCP pool, never a /31 or /32 on this network's own network or broadcast address, never one that would make a host its network or broadcast address. `hosts` counts the existing hosts each would take in; `empty_only=true` keeps those with none.",
    query: availableSubnetsQuery, responses: { 200: { schema: out.availableSubnetsOut, description: "Ascending" } }, errors: [400] },
  { method: "get", path: "/networks/{id}/free-blocks", tag: "IP management", summary: "The space between child networks as CIDR blocks", auth: "viewer",
    description: "What no child network (nor the DHCP pool) covers, as the fewest CIDR blocks, ascending: a container's free space, each block a network to create.",
    query: freeBlocksQuery, responses: { 200: { schema: out.freeBlocksOut, description: "Ascending, at most `limit`" } }, errors: [400] },
  { method: "post", path: "/networks/{id}/subnets", tag: "IP management", summary: "Create a child network at the first block that can be created", auth: "editor",
    description: "The first prefix available-subnets would offer (hosts in it move to it); 409 network_full when there is none.",
    body: { schema: createSubnetSchema }, responses: { 201: { schema: out.networkOut, description: "Created" } }, errors: [400, 409, 413, 422] },
];

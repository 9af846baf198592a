import * as out from "@/lib/schemas/responses";
import { hostListQuery } from "@/lib/schemas/list";
import { hostInputSchema, hostPatchSchema } from "@/lib/schemas/host";
import type { Operation } from "@/lib/api/openapi/operation";

const hostPage = out.pageOf(out.hostOut);

export const hostOperations: Operation[] = [
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
];

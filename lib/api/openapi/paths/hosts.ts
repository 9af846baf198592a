import * as out from "@/lib/schemas/responses";
import { hostListQuery } from "@/lib/schemas/list";
import { hostInputSchema, hostPatchSchema } from "@/lib/schemas/host";
import { bulkEditOut, bulkEditQuery, bulkHostEditSchema } from "@/lib/schemas/host-bulk";
import type { Operation } from "@/lib/api/openapi/operation";

const hostPage = out.pageOf(out.hostOut);

export const hostOperations: Operation[] = [
  { method: "get", path: "/hosts", tag: "Hosts", summary: "List hosts", auth: "viewer", query: hostListQuery,
    description: "Paged by `page` or by `cursor` (`next_cursor`/`prev_cursor` of the previous answer, same sort): a cursor costs the same at any depth, and so does a `page` past 100 in address order (it seeks on the sort key). A cursor made for another sort is a 400 naming `cursor`.",
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
  { method: "post", path: "/hosts/bulk-edit", tag: "Hosts", summary: "Set fields on many hosts (ids, or a filter with its expected count), all or nothing", auth: "editor",
    description: "Each changed host passes the same rules as PATCH /hosts/{id}; one refusal changes nothing (409/422 with `details.hosts` naming the failing hosts). " +
      "A filter selection must state `expected_count`: another count now is a 409. Hosts already at the new values are not written. `dry_run=true` answers the same, writing nothing.",
    query: bulkEditQuery, body: { schema: bulkHostEditSchema },
    responses: { 200: { schema: bulkEditOut, description: "What changed (with dry_run: what would change)" } }, errors: [400, 404, 409, 413, 422] },
];

import { changeGroupPageOut, changeListQuery, changeOut, changePageOut } from "@/lib/schemas/change";
import type { Operation } from "@/lib/api/openapi/operation";

const VISIBLE = "Viewers, editors and admins; records of users and API tokens are admins' only (left out of lists, 404 alone).";
const TOTAL = "`total` is exact up to 10,000 records past the page (`total_exact`); beyond that it is a lower bound.";

export const changeOperations: Operation[] = [
  { method: "get", path: "/changes", tag: "Change log", summary: "List change records, newest first", auth: "viewer", query: changeListQuery,
    description: `Every create, update and delete of networks, hosts, users and API tokens, with before/after snapshots in this API's field names. ${VISIBLE} ${TOTAL} docs/change-log.md.`,
    responses: { 200: { schema: changePageOut, description: "A page of change records" } }, errors: [400] },
  { method: "get", path: "/changes/groups", tag: "Change log", summary: "List requests that changed something, newest first", auth: "viewer", query: changeListQuery,
    description: `One row per request id (an import, a bulk call, one form save) with the same filters as /changes, its records counted per object type and action. ${VISIBLE} \`total\` is exact on the last page only.`,
    responses: { 200: { schema: changeGroupPageOut, description: "A page of request groups" } }, errors: [400] },
  { method: "get", path: "/changes/{id}", tag: "Change log", summary: "Get a change record", auth: "viewer", description: VISIBLE,
    responses: { 200: { schema: changeOut, description: "The record" } } },
];

import { revertChangeOut, revertOut, revertRequestSchema } from "@/lib/schemas/change";
import type { Operation } from "@/lib/api/openapi/operation";

const HOW = "The inverse goes through the same services, rules and locks as a hand-made change (a create is deleted, an update's fields set back, "
  + "a delete created again under its old id) and is recorded itself, under its own request id; its message is the X-Change-Message header, "
  + "else \"Revert of …\". Reverting a user's or an API token's record needs the admin role.";
const REFUSED = "409 when the object has changed since (a later record, or its fields differ from the record's `after`), when the inverse "
  + "now breaks a rule (e.g. the address was taken again: that rule's own 409), or when the change cannot be undone (a password; a deleted user "
  + "or API token, whose secret is not kept). A refused revert changes nothing.";

export const changeRevertOperations: Operation[] = [
  { method: "post", path: "/changes/{id}/revert", tag: "Changes", summary: "Revert one change", auth: "editor", description: `${HOW} ${REFUSED}`,
    responses: { 200: { schema: revertChangeOut, description: "Reverted; the revert's own change records" } }, errors: [404, 409, 422] },
  { method: "post", path: "/changes/revert", tag: "Changes", summary: "Revert every change of one request", auth: "editor",
    body: { schema: revertRequestSchema },
    description: `Every record of the request, newest first, in one transaction: all or nothing. ${HOW} ${REFUSED} The 409 names the first record that blocks.`,
    responses: { 200: { schema: revertOut, description: "Reverted: how many records, and the revert's own request id" } }, errors: [400, 404, 409, 413, 422] },
];

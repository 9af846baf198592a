import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/services/authorize";
import { canReadChangesOf } from "@/lib/services/changes/change-log-filter";

// Editors revert; a user's or an API token's record is an admin's only (the
// rule the change log's reads follow, canReadChangesOf), and the user and
// token services called for it check the admin role again.

/** One record: one a non-admin cannot read is "not found" to them, as in GET /changes/{id}. */
export function authorizeRevertOfChange(actor: Actor, record: { id: number; objectType: string }): void {
  authorize(actor, "editor");
  if (!canReadChangesOf(actor, record.objectType)) throw new AppError("not_found", `Change ${record.id} not found`);
}

/** A request: its group is visible, so a record in it a non-admin cannot revert is a 403 that says why. */
export function authorizeRevertOfRequest(actor: Actor, requestId: string, records: ReadonlyArray<{ objectType: string }>): void {
  authorize(actor, "editor");
  if (records.some((r) => !canReadChangesOf(actor, r.objectType))) {
    throw new AppError("forbidden", `Request ${requestId} also changed users or API tokens; reverting it needs the admin role`);
  }
}

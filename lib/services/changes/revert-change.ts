import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/services/authorize";
import { currentChangeContext } from "@/lib/services/changes/change-context";
import { authorizeRevertOfChange } from "@/lib/services/changes/revert-authorization";
import type { ChangeOut } from "@/lib/schemas/change";
import { revertRecords, type RevertOut } from "@/lib/services/changes/revert-records";
import { serializeChange } from "@/lib/services/changes/serialize-change";

export type { RevertOut } from "@/lib/services/changes/revert-records";

/** A single revert answers with its own change records (one, or more: deleting a user deletes their tokens). */
export interface RevertChangeOut extends RevertOut {
  changes: ChangeOut[];
}

/**
 * Undoes one change record through the services (editor; a user's or an API
 * token's record: admin, "not found" to others). 409 when the object has changed since, when the
 * inverse now breaks a rule (the service's own 409), or when the change
 * cannot be undone (a password, a deleted user or token). The revert is
 * recorded, with `message` or the request's, else "Revert of change #<id>".
 */
export async function revertChange(actor: Actor, id: number, options: { message?: string | null } = {}): Promise<RevertChangeOut> {
  authorize(actor, "editor");
  const row = await getDb().changeLog.findUnique({ where: { id } });
  if (!row) throw new AppError("not_found", `Change ${id} not found`);
  authorizeRevertOfChange(actor, row);
  const message = options.message ?? currentChangeContext()?.message ?? `Revert of change #${id}`;
  const { reverted, request_id, ownRecords } = await revertRecords(actor, [row], { message });
  return { reverted, request_id, changes: (await ownRecords()).map(serializeChange) };
}

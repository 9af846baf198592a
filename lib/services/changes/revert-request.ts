import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/services/authorize";
import { currentChangeContext } from "@/lib/services/changes/change-context";
import { authorizeRevertOfRequest } from "@/lib/services/changes/revert-authorization";
import { revertRecords, type RevertOut } from "@/lib/services/changes/revert-records";

/**
 * Undoes every record of one request (an import, a bulk change, an
 * allocation of N addresses), newest first, all or nothing in one
 * transaction: refused as a whole, with a 409 naming the first record that
 * cannot be undone. The revert is recorded under a request id of its own,
 * with `message` or the request's, else "Revert of request <id>". A summary:
 * its records are GET /changes?request_id=<request_id>.
 */
export async function revertRequest(actor: Actor, requestId: string, options: { message?: string | null } = {}): Promise<RevertOut> {
  authorize(actor, "editor");
  const rows = await getDb().changeLog.findMany({ where: { requestId }, orderBy: { id: "desc" } });
  if (rows.length === 0) throw new AppError("not_found", `No changes with request id ${requestId}`);
  authorizeRevertOfRequest(actor, requestId, rows);
  const message = options.message ?? currentChangeContext()?.message ?? `Revert of request ${requestId}`;
  const { reverted, request_id } = await revertRecords(actor, rows, { message, sameRequest: requestId });
  return { reverted, request_id };
}

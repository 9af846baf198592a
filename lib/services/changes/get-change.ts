import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { ChangeOut } from "@/lib/schemas/change";
import { authorize } from "@/lib/services/authorize";
import { canReadChangesOf } from "@/lib/services/changes/change-log-filter";
import { serializeChange } from "@/lib/services/changes/serialize-change";

/** GET /changes/{id} (viewer): a user's or token's record is "not found" to a non-admin, as in the list. */
export async function getChange(actor: Actor, id: number, tx?: Tx): Promise<ChangeOut> {
  authorize(actor, "viewer");
  const row = await (tx ?? getDb()).changeLog.findUnique({ where: { id } });
  if (!row || !canReadChangesOf(actor, row.objectType)) throw new AppError("not_found", `Change ${id} not found`);
  return serializeChange(row);
}

import "server-only";
import type { Actor } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/client";
import { inWriteTransaction } from "@/lib/services/write-options";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/services/authorize";
import { manageableTokenWhere } from "@/lib/services/tokens/manageable-token";

/** Revokes a token at once (the next request with it is a 401): one's own, or any for an admin. */
export async function deleteApiToken(actor: Actor, id: number, options: { tx?: Tx } = {}): Promise<void> {
  authorize(actor, "viewer");
  const where = await manageableTokenWhere(actor, id);
  const { count } = await inWriteTransaction(actor, options.tx, (tx) => tx.apiToken.deleteMany({ where }));
  if (count === 0) throw new AppError("not_found", `API token ${id} not found`);
}

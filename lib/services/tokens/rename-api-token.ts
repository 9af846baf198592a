import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb, type Tx } from "@/lib/db/client";
import { inWriteTransaction } from "@/lib/services/write-options";
import { AppError } from "@/lib/errors";
import { renameApiTokenSchema, type ApiTokenOut, type RenameApiTokenInput } from "@/lib/schemas/api-token";
import { authorize } from "@/lib/services/authorize";
import { manageableTokenWhere } from "@/lib/services/tokens/manageable-token";
import { serializeApiToken, tokenRowSelect } from "@/lib/services/tokens/serialize-api-token";

/**
 * PATCH a token: the name is the only thing that may change. Role, read-only,
 * client networks, expiry and owner are fixed at creation (the schema answers
 * 422 naming the field, and nothing changes), so nobody can widen a token that
 * is already out in a script.
 */
export async function renameApiToken(actor: Actor, id: number, input: RenameApiTokenInput, options: { tx?: Tx } = {}): Promise<ApiTokenOut> {
  authorize(actor, "viewer");
  const { name } = renameApiTokenSchema.parse(input);
  const where = await manageableTokenWhere(actor, id);
  const db = options.tx ?? getDb();
  const { count } = name === undefined
    ? { count: await db.apiToken.count({ where }) }
    : await inWriteTransaction(actor, options.tx, (tx) => tx.apiToken.updateMany({ where, data: { name } }));
  if (count === 0) throw new AppError("not_found", `API token ${id} not found`);
  return serializeApiToken((await db.apiToken.findUniqueOrThrow({ where: { id }, select: tokenRowSelect })));
}

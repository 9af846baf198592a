import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import type { ApiTokenOut } from "@/lib/schemas/api-token";
import { authorize } from "@/lib/services/authorize";
import { serializeApiToken, tokenRowSelect } from "@/lib/services/tokens/serialize-api-token";
import { ownTokensWhere } from "@/lib/services/tokens/token-scope";

/**
 * The caller's own tokens, or with `all` (admins only) everyone's with their
 * owner: hint, role, restrictions, expiry and last use; never the token or its hash.
 */
export async function listApiTokens(actor: Actor, options: { all?: boolean } = {}): Promise<ApiTokenOut[]> {
  authorize(actor, options.all ? "admin" : "viewer");
  const where = options.all ? {} : await ownTokensWhere(actor);
  const rows = await getDb().apiToken.findMany({ where, orderBy: { id: "asc" }, select: tokenRowSelect });
  return rows.map(serializeApiToken);
}

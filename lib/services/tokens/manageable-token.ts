import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hasRole, type Actor } from "@/lib/auth/roles";
import { ownTokensWhere } from "@/lib/services/tokens/token-scope";

/**
 * The filter for token `id` as the caller may rename or revoke it: an admin
 * any, anyone else only their own. Someone else's token is "not found", so
 * ids do not tell a non-admin which tokens exist.
 */
export async function manageableTokenWhere(actor: Actor, id: number): Promise<Prisma.ApiTokenWhereInput> {
  if (hasRole(actor.role, "admin")) return { id };
  return { AND: [{ id }, await ownTokensWhere(actor)] };
}

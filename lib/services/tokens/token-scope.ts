import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";

/**
 * The user a caller makes and manages tokens for. A signed-in user is
 * themself; a token acts for its owner, so what it makes belongs to that user
 * too. A token the admin CLI made has no owner (null).
 */
export async function tokenOwnerOf(actor: Actor): Promise<number | null> {
  if (actor.kind === "user") return actor.id;
  const row = await getDb().apiToken.findUnique({ where: { id: actor.id }, select: { userId: true } });
  return row?.userId ?? null;
}

/**
 * The tokens a caller counts as its own (to list, rename, revoke): its
 * owner's. An ownerless CLI token owns only itself, so a viewer token made
 * for a monitoring script cannot see or revoke the other CLI tokens.
 */
export async function ownTokensWhere(actor: Actor): Promise<Prisma.ApiTokenWhereInput> {
  const owner = await tokenOwnerOf(actor);
  return owner === null ? { id: actor.id } : { userId: owner };
}

import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/services/authorize";
import { manageableTokenWhere } from "@/lib/services/tokens/manageable-token";

/** Revokes a token at once (the next request with it is a 401): one's own, or any for an admin. */
export async function deleteApiToken(actor: Actor, id: number): Promise<void> {
  authorize(actor, "viewer");
  const { count } = await getDb().apiToken.deleteMany({ where: await manageableTokenWhere(actor, id) });
  if (count === 0) throw new AppError("not_found", `API token ${id} not found`);
}

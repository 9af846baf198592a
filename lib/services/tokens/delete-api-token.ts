import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { authorize } from "@/lib/services/authorize";

/** Admins only: revokes a token at once (the next request with it is a 401). */
export async function deleteApiToken(actor: Actor, id: number): Promise<void> {
  authorize(actor, "admin");
  const { count } = await getDb().apiToken.deleteMany({ where: { id } });
  if (count === 0) throw new AppError("not_found", `API token ${id} not found`);
}

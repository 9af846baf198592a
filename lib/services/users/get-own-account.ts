import "server-only";
import type { Actor } from "@/lib/auth/roles";
import { getDb } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { UserOut } from "@/lib/schemas/user";
import { serializeUser } from "@/lib/services/users/serialize-user";

/** The signed-in user's own account (any role). An API token has no account of its own. */
export async function getOwnAccount(actor: Actor): Promise<UserOut> {
  if (actor.kind !== "user") throw new AppError("forbidden", "Only a signed-in user has an account page");
  const user = await getDb().user.findUnique({ where: { id: actor.id } });
  if (!user) throw new AppError("not_found", "Your account no longer exists");
  return serializeUser(user);
}
